using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Routing.Review;

namespace Territory.Store.Results;

/// <summary>The agency × estate matrix of a stored travel review, sparse: per row, the cells that differ from the row's commonest empty cell.</summary>
/// <remarks>
/// Reasons are written once (<c>"reasons"</c>). A row is <c>{"none": reason}</c> for an agency that reaches no estate, or
/// <c>{"base": k, "i": base64, "s": base64, "m": base64, "r": base64}</c>: every cell is « no time, reason k » (-1: no
/// reason) except those listed — packed estate indices, seconds and metres (NaN: none) and reason indices. On a portfolio
/// spread over areas without a road between them, an agency reaches a fraction of the estates: only those are written.
/// Doubles are stored bit for bit.
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
            var baseReason = row.GetProperty("base").GetInt32();
            var cells = new (double?, double?, string?)[estates.Length];
            if (baseReason >= 0)
                Array.Fill(cells, (null, null, table[baseReason]));
            var index = Unpack<int>(row.GetProperty("i"));
            var seconds = Unpack<double>(row.GetProperty("s"));
            var meters = Unpack<double>(row.GetProperty("m"));
            var reasonOf = Unpack<int>(row.GetProperty("r"));
            if (seconds.Length != index.Length || meters.Length != index.Length || reasonOf.Length != index.Length)
                throw new JsonException("A stored matrix row is inconsistent.");
            for (var c = 0; c < index.Length; c++)
                cells[index[c]] = (double.IsNaN(seconds[c]) ? null : seconds[c], double.IsNaN(meters[c]) ? null : meters[c], reasonOf[c] >= 0 ? table[reasonOf[c]] : null);
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
        var index = new List<int>();
        var seconds = new List<double>();
        var meters = new List<double>();
        var reasons = new List<int>();
        var counts = new int[table.Count];
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
            // The commonest cell without a time (its reason) is left out; every other cell is listed.
            Array.Clear(counts);
            foreach (var cell in row)
                if (cell.Seconds is null && cell.Meters is null && cell.Reason is { } reason)
                    counts[table[reason]]++;
            var baseReason = counts.Length == 0 || counts.Max() == 0 ? -1 : Array.IndexOf(counts, counts.Max());
            index.Clear(); seconds.Clear(); meters.Clear(); reasons.Clear();
            for (var e = 0; e < row.Length; e++)
            {
                var (s, m, reason) = row[e];
                var r = reason is null ? -1 : table[reason];
                if (s is null && m is null && r == baseReason && r >= 0)
                    continue;
                index.Add(e);
                seconds.Add(s ?? double.NaN);
                meters.Add(m ?? double.NaN);
                reasons.Add(r);
            }
            writer.WriteNumber("base", baseReason);
            writer.WriteBase64String("i", MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(index)));
            writer.WriteBase64String("s", MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(seconds)));
            writer.WriteBase64String("m", MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(meters)));
            writer.WriteBase64String("r", MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(reasons)));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static T[] Unpack<T>(JsonElement element) where T : unmanaged
    {
        var bytes = element.GetBytesFromBase64();
        if (bytes.Length % Marshal.SizeOf<T>() != 0)
            throw new JsonException("A stored matrix row is truncated.");
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }
}
