using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Routing.Review;

namespace Territory.Store.Results;

/// <summary>The agency × estate matrix of a stored travel review: per row, seconds and metres as packed doubles, reasons apart.</summary>
/// <remarks>
/// A row is <c>{"s": base64, "m": base64, "r": [[estate index, reason]…]}</c> (an empty cell is NaN in the packed
/// arrays) or <c>{"none": reason}</c> for an agency that reaches no estate. Doubles are stored bit for bit.
/// </remarks>
internal sealed class MatrixJsonConverter : JsonConverter<AgencyEstateMatrix>
{
    public override AgencyEstateMatrix? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var agencies = root.GetProperty("agencies").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var estates = root.GetProperty("estates").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var rows = new (double?, double?, string?)[]?[agencies.Length];
        var reasons = new string?[agencies.Length];
        var k = 0;
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            if (row.TryGetProperty("none", out var none))
            {
                reasons[k++] = none.GetString();
                continue;
            }
            var seconds = Unpack(row.GetProperty("s").GetBytesFromBase64(), estates.Length);
            var meters = Unpack(row.GetProperty("m").GetBytesFromBase64(), estates.Length);
            var cells = new (double?, double?, string?)[estates.Length];
            for (var e = 0; e < cells.Length; e++)
                cells[e] = (double.IsNaN(seconds[e]) ? null : seconds[e], double.IsNaN(meters[e]) ? null : meters[e], null);
            foreach (var r in row.GetProperty("r").EnumerateArray())
            {
                var e = r[0].GetInt32();
                cells[e] = (cells[e].Item1, cells[e].Item2, r[1].GetString());
            }
            rows[k++] = cells;
        }
        return AgencyEstateMatrix.FromRows(agencies, estates, rows, reasons);
    }

    public override void Write(Utf8JsonWriter writer, AgencyEstateMatrix value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("agencies");
        foreach (var id in value.AgencyIds)
            writer.WriteStringValue(id);
        writer.WriteEndArray();
        writer.WriteStartArray("estates");
        foreach (var id in value.EstateIds)
            writer.WriteStringValue(id);
        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        var seconds = new double[value.EstateIds.Count];
        var meters = new double[value.EstateIds.Count];
        for (var a = 0; a < value.AgencyIds.Count; a++)
        {
            writer.WriteStartObject();
            if (!value.HasRow(a))
            {
                writer.WriteString("none", value.RowReason(a));
                writer.WriteEndObject();
                continue;
            }
            var row = value.Row(a);
            for (var e = 0; e < row.Length; e++)
            {
                seconds[e] = row[e].Seconds ?? double.NaN;
                meters[e] = row[e].Meters ?? double.NaN;
            }
            writer.WriteBase64String("s", MemoryMarshal.AsBytes(seconds.AsSpan()));
            writer.WriteBase64String("m", MemoryMarshal.AsBytes(meters.AsSpan()));
            writer.WriteStartArray("r");
            for (var e = 0; e < row.Length; e++)
            {
                if (row[e].Reason is not { } reason)
                    continue;
                writer.WriteStartArray();
                writer.WriteNumberValue(e);
                writer.WriteStringValue(reason);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static double[] Unpack(byte[] bytes, int count)
    {
        if (bytes.Length != count * sizeof(double))
            throw new JsonException("A stored matrix row does not match its estates.");
        return MemoryMarshal.Cast<byte, double>(bytes).ToArray();
    }
}
