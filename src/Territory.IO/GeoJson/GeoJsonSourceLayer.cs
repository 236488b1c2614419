using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.GeoJson;

/// <summary>Reads a GeoJSON FeatureCollection or single Feature (RFC 7946, plus the legacy <c>crs</c> member).</summary>
/// <remarks>
/// <para>Streamed, never read whole: <see cref="GeoJsonSplitter"/> walks the file twice, the first time
/// to check its structure, read <c>type</c>/<c>crs</c> and collect the attribute names, the second to
/// hand out one feature at a time while rows are consumed (geometry by NTS <see cref="GeoJsonConverterFactory"/>).
/// Memory is bounded by the largest feature, whatever the file's size (2 GB and beyond).</para>
/// <para>A feature that is not a valid GeoJSON feature (broken JSON inside it, not an object, a key
/// twice, properties not an object, an unreadable geometry) is a rejected row; the others import.
/// UTF-8 with or without BOM; UTF-16 and UTF-32 (BOM, or UTF-16 recognised by its zero bytes) are
/// transcoded. Without a <c>crs</c> member the CRS is WGS 84 (RFC 7946).</para>
/// </remarks>
internal sealed class GeoJsonSourceLayer : ISourceLayer
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };
    private static readonly JsonDocumentOptions FeatureOptions = new() { AllowDuplicateProperties = false };
    private static readonly HashSet<string> GeometryTypes = new(StringComparer.Ordinal)
    {
        "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
    };

    private readonly string _path;
    private readonly long _length;
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private readonly byte[]? _singleFeature;
    private long _position;

    public GeoJsonSourceLayer(string path)
    {
        _path = path;
        FileName = Path.GetFileName(path);
        _length = new FileInfo(path).Length;
        string? type = null;
        var sawFeatures = false;
        using (var stream = GeoJsonText.OpenUtf8(path, FileName))
        {
            var splitter = new GeoJsonSplitter(stream, FileName);
            foreach (var piece in splitter.Pieces(CancellationToken.None))
            {
                if (piece.Key is null)
                {
                    ScanFeatureColumns(piece.Bytes.Span);
                    continue;
                }
                switch (piece.Key)
                {
                    case "type":
                        type = ReadString(piece.Bytes.Span);
                        break;
                    case "crs":
                        ReadCrs(piece.Bytes);
                        break;
                    case "properties":
                        ScanProperties(piece.Bytes.Span);
                        break;
                }
            }
            sawFeatures = splitter.SawFeaturesArray;
        }
        if (type == "Feature")
        {
            if (_length > GeoJsonSplitter.MaxPieceBytes)
                throw new ImportException(Message.Of("geojson_feature_file_too_large", ("file", FileName), ("mb", GeoJsonSplitter.MaxPieceBytes >> 20)));
            using var stream = GeoJsonText.OpenUtf8(path, FileName);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            _singleFeature = copy.ToArray();
        }
        else if (type != "FeatureCollection" || !sawFeatures)
        {
            throw new ImportException(Message.Of("geojson_not_collection", ("file", FileName), ("type", type ?? "")));
        }
    }

    public string FileName { get; }
    public IReadOnlyList<string> Columns => _columns;
    public int? DeclaredCrs { get; private set; } = CrsRegistry.Wgs84;
    public Message? CrsProblem { get; private set; }
    public bool HasNativeGeometry => true;

    /// <inheritdoc />
    public double ReadFraction => _length == 0 ? 1 : Math.Min(1, (double)_position / _length);

    public IEnumerable<ISourceRecord> Rows(CancellationToken ct)
    {
        var record = new FeatureRecord();
        if (_singleFeature is not null)
        {
            var geometry = ToRow(_singleFeature, tooLarge: false, out var values, out var error);
            record.Set(1, geometry, values, error);
            _position = _length;
            yield return record;
            yield break;
        }
        using var stream = GeoJsonText.OpenUtf8(_path, FileName);
        var splitter = new GeoJsonSplitter(stream, FileName);
        foreach (var piece in splitter.Pieces(ct))
        {
            if (piece.Key is not null)
                continue;
            _position = splitter.Position;
            var geometry = ToRow(piece.Bytes, piece.TooLarge, out var values, out var error);
            record.Set(piece.Index, geometry, values, error);
            yield return record;
        }
        _position = _length;
    }

    public void Dispose()
    {
    }

    /// <summary>Attributes and geometry of one feature; whatever is wrong with it is a row error, never a file error.</summary>
    private Geometry? ToRow(ReadOnlyMemory<byte> bytes, bool tooLarge, out object?[] values, out string? error)
    {
        values = new object?[_columns.Count];
        error = null;
        if (tooLarge)
        {
            error = Row("geojson_feature_too_large", ("mb", GeoJsonSplitter.MaxPieceBytes >> 20));
            return null;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, FeatureOptions);
        }
        catch (JsonException e)
        {
            error = e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                ? Row("geojson_feature_duplicate_key")
                : Row("geojson_feature_invalid_json", ("line", (e.LineNumber ?? 0) + 1));
            return null;
        }
        using (doc)
        {
            var feature = doc.RootElement;
            if (feature.ValueKind != JsonValueKind.Object)
            {
                error = Row("geojson_feature_not_object");
                return null;
            }
            if (feature.TryGetProperty("type", out var t) && (t.ValueKind != JsonValueKind.String || t.GetString() != "Feature"))
            {
                error = Row("geojson_feature_type", ("type", t.ValueKind == JsonValueKind.String ? t.GetString() : t.GetRawText()));
                return null;
            }
            if (feature.TryGetProperty("properties", out var p))
            {
                if (p.ValueKind == JsonValueKind.Object)
                {
                    foreach (var prop in p.EnumerateObject())
                        if (_columnIndex.TryGetValue(prop.Name, out var column))
                            values[column] = ValueOf(prop.Value);
                }
                else if (p.ValueKind != JsonValueKind.Null)
                {
                    error = Row("geojson_properties_not_object");
                    return null;
                }
            }
            if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null)
                return null;
            if (g.ValueKind != JsonValueKind.Object)
            {
                error = Row("geojson_geometry_not_object");
                return null;
            }
            var kind = g.TryGetProperty("type", out var gt) && gt.ValueKind == JsonValueKind.String ? gt.GetString() : null;
            if (kind is null || !GeometryTypes.Contains(kind))
            {
                error = Row("geojson_geometry_type_unknown", ("type", kind ?? ""));
                return null;
            }
            try
            {
                return g.Deserialize<Geometry>(Options);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException
                                          or IndexOutOfRangeException or NullReferenceException)
            {
                error = Row("geojson_geometry_unreadable", ("type", kind));
                return null;
            }
        }
    }

    // Row reasons are plain text in the import report for now (ISourceRecord.RowError); French like the rest of it.
    private static string Row(string code, params (string Name, object? Value)[] args) => Catalogue.Text(Lang.Fr, code, args);

    private void ScanFeatureColumns(ReadOnlySpan<byte> feature)
    {
        try
        {
            var reader = new Utf8JsonReader(feature);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isProperties = reader.ValueTextEquals("properties"u8);
                reader.Read();
                if (isProperties && reader.TokenType == JsonTokenType.StartObject)
                    AddColumns(ref reader);
                else
                    reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A broken feature: the rows pass rejects it with its reason.
        }
    }

    private void ScanProperties(ReadOnlySpan<byte> properties)
    {
        try
        {
            var reader = new Utf8JsonReader(properties);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                AddColumns(ref reader);
        }
        catch (JsonException)
        {
        }
    }

    private void AddColumns(ref Utf8JsonReader reader)
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

    private static string? ReadString(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void ReadCrs(ReadOnlyMemory<byte> json)
    {
        string? text = null;
        string raw;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var crs = doc.RootElement;
            raw = crs.GetRawText();
            if (crs.ValueKind == JsonValueKind.Null)
                return;
            if (crs.ValueKind == JsonValueKind.Object && crs.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                if (props.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                    text = n.GetString();
                else if (props.TryGetProperty("code", out var c))
                    text = "EPSG:" + c.GetRawText().Trim('"');
            }
        }
        catch (JsonException)
        {
            raw = "?";
        }
        var code = CrsIdentifier.ParseName(text);
        if (code is { } known && CrsRegistry.IsKnown(known))
        {
            DeclaredCrs = known;
            return;
        }
        DeclaredCrs = null;
        var shown = text ?? raw;
        CrsProblem = Message.Of("geojson_crs_unknown", ("file", FileName), ("crs", shown.Length <= 80 ? shown : shown[..80] + "…"));
    }
}
