using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Territory.Cli.Infrastructure;

/// <summary>The <c>--json</c> output: one snake_case JSON document on standard output.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes the document in pieces as it is serialised: a national analysis is 150 MB of JSON, never held whole.</summary>
    public static void Write(CliConsole console, object value)
    {
        using (var stream = new TextWriterStream(console.Out))
            JsonSerializer.Serialize<object>(stream, value, Options);
        console.Out.WriteLine();
    }
}
