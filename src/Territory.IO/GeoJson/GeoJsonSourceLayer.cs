using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Territory.Core.Crs;
using Territory.IO.Import;

namespace Territory.IO.GeoJson;

/// <summary>Reads a GeoJSON FeatureCollection or single Feature (RFC 7946, plus the legacy <c>crs</c> member).</summary>
/// <remarks>
/// The file is scanned with <see cref="Utf8JsonReader"/>; each feature is parsed on its own
/// (geometry by NTS <see cref="GeoJsonConverterFactory"/>), so no JSON tree of the whole file is
/// built. Attribute values are kept as plain strings/numbers. Without a <c>crs</c> member the CRS
/// is WGS 84 (RFC 7946).
/// </remarks>
internal sealed class GeoJsonSourceLayer : ISourceLayer
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };
    private readonly List<(Geometry? Geometry, List<KeyValuePair<string, object?>> Properties)> _features = [];
    private readonly List<string> _columns = [];

    public GeoJsonSourceLayer(string path)
    {
        FileName = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        try
        {
            Parse(bytes);
        }
        catch (JsonException e)
        {
            var what = bytes.AsSpan().IndexOf((byte)0) >= 0 ? "binary content, not JSON" : $"invalid or truncated JSON at line {e.LineNumber + 1}";
            throw new ImportException($"{FileName}: {what}.", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new ImportException($"{FileName}: unreadable GeoJSON ({e.Message}).", e);
        }
    }

    public string FileName { get; }
    public IReadOnlyList<string> Columns => _columns;
    public int? DeclaredCrs { get; private set; } = CrsRegistry.Wgs84;
    public string? CrsProblem { get; private set; }
    public bool HasNativeGeometry => true;

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var index = _columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var record = new FeatureRecord();
        for (var i = 0; i < _features.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var (geometry, properties) = _features[i];
            var values = new object?[_columns.Count];
            foreach (var (k, v) in properties)
                values[index[k]] = v;
            record.Set(i + 1, geometry, values);
            yield return record;
        }
    }

    public void Dispose()
    {
    }

    private void Parse(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
            throw new ImportException($"{FileName}: no JSON content.");
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new ImportException($"{FileName}: the JSON root is {Describe(reader.TokenType)}; expected a GeoJSON FeatureCollection or Feature object.");
        string? type = null;
        var sawFeatures = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "type":
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case "crs":
                    using (var crs = JsonDocument.ParseValue(ref reader))
                        ReadCrs(crs.RootElement);
                    break;
                case "features" when reader.TokenType == JsonTokenType.StartArray:
                    sawFeatures = true;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        using var feature = JsonDocument.ParseValue(ref reader);
                        AddFeature(feature.RootElement);
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            throw new JsonException("unexpected content after the root object", null, reader.CurrentDepth, reader.BytesConsumed);
        if (type == "Feature")
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            AddFeature(doc.RootElement);
        }
        else if (type != "FeatureCollection" || !sawFeatures)
            throw new ImportException($"{FileName}: GeoJSON type '{type ?? "(none)"}' is not a FeatureCollection with a features array, nor a Feature.");
    }

    private void AddFeature(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object)
            throw new ImportException($"{FileName}: feature {_features.Count + 1} is not a JSON object.");
        Geometry? geometry = null;
        if (feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
            geometry = g.Deserialize<Geometry>(Options);
        var properties = new List<KeyValuePair<string, object?>>();
        if (feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in p.EnumerateObject())
            {
                if (!_columns.Contains(prop.Name))
                    _columns.Add(prop.Name);
                properties.Add(new(prop.Name, ValueOf(prop.Value)));
            }
        }
        _features.Add((geometry, properties));
    }

    private static object? ValueOf(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    };

    private void ReadCrs(JsonElement crs)
    {
        if (crs.ValueKind == JsonValueKind.Null)
            return;
        string? text = null;
        if (crs.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            if (props.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                text = n.GetString();
            else if (props.TryGetProperty("code", out var c))
                text = "EPSG:" + c.GetRawText().Trim('"');
        }
        var code = CrsIdentifier.ParseName(text);
        if (code is { } known && CrsRegistry.IsKnown(known))
        {
            DeclaredCrs = known;
            return;
        }
        DeclaredCrs = null;
        CrsProblem = $"{FileName}: crs '{text ?? crs.GetRawText()}' is not one Territory knows; give the CRS with --crs EPSG:n.";
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => t.ToString(),
    };
}
