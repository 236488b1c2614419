using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Territory.Store.Results;

/// <summary>How stored results are written: JSON of the computed records (geometries as WKB, messages typed), gzip-compressed.</summary>
internal static class PayloadJson
{
    /// <summary>Options shared by payloads and content hashes.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] Write<T>(T value)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            JsonSerializer.Serialize(gzip, value, Options);
        return buffer.ToArray();
    }

    public static T? Read<T>(byte[] payload)
    {
        using var gzip = new GZipStream(new MemoryStream(payload, writable: false), CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        return JsonSerializer.Deserialize<T>(buffered, Options);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            IgnoreReadOnlyProperties = true,
            IncludeFields = false,
            MaxDepth = 64,
        };
        options.Converters.Add(new GeometryJsonConverter());
        options.Converters.Add(new MessageJsonConverter());
        options.Converters.Add(new MatrixJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
