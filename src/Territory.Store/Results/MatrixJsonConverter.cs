using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Routing.Review;

namespace Territory.Store.Results;

/// <summary>The agency × estate matrix of a stored travel review: per row, seconds and metres as packed doubles, reasons apart.</summary>
/// <remarks>
/// Reasons are written once (<c>"reasons"</c>); a row is <c>{"s": base64, "m": base64, "r": base64}</c> — packed seconds
/// and metres (an empty cell is NaN) and, when some cell has a reason, the packed index of each cell's reason (-1: none) —
/// or <c>{"none": reason}</c> for an agency that reaches no estate. Doubles are stored bit for bit. On a portfolio spread
/// over unconnected areas most cells carry a reason: a table keeps them at four bytes each.
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
        var table = root.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()).ToArray();
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
            if (row.GetProperty("r").ValueKind == JsonValueKind.String)
            {
                var reasonOf = MemoryMarshal.Cast<byte, int>(row.GetProperty("r").GetBytesFromBase64());
                if (reasonOf.Length != estates.Length)
                    throw new JsonException("A stored matrix row does not match its estates.");
                for (var e = 0; e < cells.Length; e++)
                    if (reasonOf[e] >= 0)
                        cells[e] = (cells[e].Item1, cells[e].Item2, table[reasonOf[e]]);
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
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < value.AgencyIds.Count; a++)
            if (value.HasRow(a))
                foreach (var cell in value.Row(a))
                    if (cell.Reason is { } reason)
                        table.TryAdd(reason, table.Count);
        writer.WriteStartArray("reasons");
        foreach (var reason in table.Keys)
            writer.WriteStringValue(reason);
        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        var seconds = new double[value.EstateIds.Count];
        var meters = new double[value.EstateIds.Count];
        var reasons = new int[value.EstateIds.Count];
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
            var anyReason = false;
            for (var e = 0; e < row.Length; e++)
            {
                seconds[e] = row[e].Seconds ?? double.NaN;
                meters[e] = row[e].Meters ?? double.NaN;
                reasons[e] = row[e].Reason is { } reason ? table[reason] : -1;
                anyReason |= reasons[e] >= 0;
            }
            writer.WriteBase64String("s", MemoryMarshal.AsBytes(seconds.AsSpan()));
            writer.WriteBase64String("m", MemoryMarshal.AsBytes(meters.AsSpan()));
            if (anyReason)
                writer.WriteBase64String("r", MemoryMarshal.AsBytes(reasons.AsSpan()));
            else
                writer.WriteNull("r");
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
