using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Territory.Core.Crs;
using Territory.IO.Import;

namespace Territory.IO.GeoJson;

/// <summary>Reads a GeoJSON FeatureCollection or single Feature (RFC 7946, plus the legacy <c>crs</c> member).</summary>
/// <remarks>
/// Two passes over the file's bytes with <see cref="Utf8JsonReader"/>: the first checks the JSON,
/// reads <c>type</c>/<c>crs</c> and collects the attribute names; the second parses one feature
/// at a time while rows are consumed (geometry by NTS <see cref="GeoJsonConverterFactory"/>), so
/// neither a JSON tree of the whole file nor the list of all features is ever built. Without a
/// <c>crs</c> member the CRS is WGS 84 (RFC 7946).
/// </remarks>
internal sealed class GeoJsonSourceLayer : ISourceLayer
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };
    private readonly byte[] _bytes;
    private int _offset;

    /// <inheritdoc />
    public double ReadFraction => _bytes.Length == 0 ? 1 : (double)_offset / _bytes.Length;
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private bool _singleFeature;
    private int _featuresOffset = -1;
    private JsonReaderState _featuresState;

    public GeoJsonSourceLayer(string path)
    {
        FileName = Path.GetFileName(path);
        var bytes = _bytes = File.ReadAllBytes(path);
        try
        {
            Scan(bytes);
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
        var record = new FeatureRecord();
        if (_singleFeature)
        {
            using var doc = JsonDocument.Parse(_bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var single = ToRow(doc.RootElement, 1, out var values, out var singleError);
            record.Set(1, single, values, singleError);
            yield return record;
            yield break;
        }
        if (_featuresOffset < 0)
            yield break;
        var offset = _featuresOffset;
        var state = _featuresState;
        long row = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            row++;
            if (!NextFeature(ref offset, ref state, row, out var geometry, out var values, out var error))
                yield break;
            record.Set(row, geometry, values, error);
            yield return record;
        }
    }

    private bool NextFeature(ref int offset, ref JsonReaderState state, long row, out Geometry? geometry, out object?[] values, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(_bytes.AsSpan(offset), isFinalBlock: true, state);
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            (geometry, values) = (null, []);
            return false;
        }
        using (var doc = JsonDocument.ParseValue(ref reader))
            geometry = ToRow(doc.RootElement, row, out values, out error);
        offset += (int)reader.BytesConsumed;
        _offset = offset;
        state = reader.CurrentState;
        return true;
    }

    /// <summary>Attributes and geometry of one feature; an unreadable geometry is a row error, not a file error.</summary>
    private Geometry? ToRow(JsonElement feature, long row, out object?[] values, out string? error)
    {
        error = null;
        if (feature.ValueKind != JsonValueKind.Object)
            throw new ImportException($"{FileName}: feature {row} is not a JSON object.");
        values = new object?[_columns.Count];
        if (feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in p.EnumerateObject())
                values[_columnIndex[prop.Name]] = ValueOf(prop.Value);
        }
        if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
            return null;
        try
        {
            return g.Deserialize<Geometry>(Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            error = $"unreadable GeoJSON geometry ({e.Message})";
            return null;
        }
    }

    public void Dispose()
    {
    }

    private void Scan(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
            throw new ImportException($"{FileName}: no JSON content.");
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new ImportException($"{FileName}: the JSON root is {Describe(reader.TokenType)}; expected a GeoJSON FeatureCollection or Feature object.");
        string? type = null;
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
                    _featuresOffset = (int)reader.BytesConsumed;
                    _featuresState = reader.CurrentState;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        ScanFeature(ref reader);
                    break;
                case "properties" when reader.TokenType == JsonTokenType.StartObject:
                    ScanProperties(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            throw new JsonException("unexpected content after the root object", null, reader.CurrentDepth, reader.BytesConsumed);
        _singleFeature = type == "Feature";
        if (!_singleFeature && (type != "FeatureCollection" || _featuresOffset < 0))
            throw new ImportException($"{FileName}: GeoJSON type '{type ?? "(none)"}' is not a FeatureCollection with a features array, nor a Feature.");
    }

    private void ScanFeature(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isProperties = reader.ValueTextEquals("properties"u8);
            reader.Read();
            if (isProperties && reader.TokenType == JsonTokenType.StartObject)
                ScanProperties(ref reader);
            else
                reader.Skip();
        }
    }

    private void ScanProperties(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (_columnIndex.TryAdd(name, _columns.Count))
                _columns.Add(name);
            reader.Read();
            reader.Skip();
        }
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
