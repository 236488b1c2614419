using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Territory.Core.Model;
using Territory.Routing.Algorithms;
using Territory.Routing.Review;

namespace Territory.Store.Results;

/// <summary>
/// The stored travel review as compact binary (gzip): records field by field, repeated texts (agency ids, reasons)
/// written once, and the matrix as its sparse rows (reached estate indexes, seconds and metres as raw doubles).
/// </summary>
/// <remarks>
/// Reading it back is a sequential decode with no reflection: what the map's start from a stored analysis spent
/// its time on with the JSON payload. Doubles are kept bit for bit. A payload of another format (the JSON one of
/// earlier versions) fails on its first bytes and is recomputed.
/// </remarks>
internal static class ReviewPayload
{
    private const uint Magic = 0x33565254; // "TRV3"

    public static byte[] Write(AgencyTravelReviewResult review)
    {
        ArgumentNullException.ThrowIfNull(review);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        // Buffered: the binary writer's many small writes would each cross into the compressor (a byte at a time for booleans).
        using (var w = new Writer(new BinaryWriter(new BufferedStream(gzip, 1 << 16), Encoding.UTF8)))
        {
            w.Raw.Write(Magic);
            w.Raw.Write(review.Estimated);
            w.Raw.Write(review.UnsnappedAgencies.Count);
            foreach (var (id, reason) in review.UnsnappedAgencies)
            {
                w.Text(id);
                w.Text(reason);
            }
            w.Raw.Write(review.Access.Count);
            foreach (var a in review.Access)
            {
                w.Text(a.EstateId); w.Text(a.AgencyId); w.Number(a.DurationSeconds); w.Number(a.DistanceMeters);
                w.Raw.Write(a.Estimated); w.Text(a.UnreachableReason);
            }
            w.Raw.Write(review.Estates.Count);
            foreach (var e in review.Estates)
            {
                w.Text(e.EstateId); w.Text(e.ManagingAgencyId); w.Text(e.NearestAgencyId);
                w.Number(e.NearestDurationSeconds); w.Number(e.NearestDistanceMeters);
                w.Number(e.ManagingDurationSeconds); w.Number(e.ManagingDistanceMeters); w.Number(e.SnapDistanceMeters);
                w.Raw.Write(e.Estimated); w.Text(e.UnreachableReason); w.Text(e.SnapFailureCode);
            }
            w.Raw.Write(review.Agencies.Count);
            foreach (var s in review.Agencies)
            {
                w.Text(s.AgencyId); w.Raw.Write(s.EstateCount); w.Raw.Write(s.Dwellings);
                w.Number(s.MeanMinutes); w.Number(s.MedianMinutes); w.Number(s.P90Minutes); w.Number(s.MaxMinutes);
                w.Raw.Write(s.DwellingsBeyondMinutes.Count);
                foreach (var (minutes, dwellings) in s.DwellingsBeyondMinutes)
                {
                    w.Raw.Write(minutes);
                    w.Raw.Write(dwellings);
                }
                w.Raw.Write(s.EstatesNearerToAnotherAgency); w.Raw.Write(s.UnreachableEstates); w.Raw.Write(s.Estimated);
            }
            w.Raw.Write(review.Matrix is not null);
            if (review.Matrix is { } m)
                WriteMatrix(w, m);
        }
        return buffer.ToArray();
    }

    public static AgencyTravelReviewResult Read(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var gzip = new GZipStream(new MemoryStream(payload, writable: false), CompressionMode.Decompress);
        using var r = new Reader(new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8));
        if (r.Raw.ReadUInt32() != Magic)
            throw new InvalidDataException("Not a stored travel review of this format.");
        var estimated = r.Raw.ReadBoolean();
        var unsnapped = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = r.Count(); n > 0; n--)
            unsnapped[r.RequiredText()] = r.RequiredText();
        var access = new EstateAccess[r.Count()];
        for (var i = 0; i < access.Length; i++)
            access[i] = new EstateAccess(r.RequiredText(), r.Text(), r.Number(), r.Number(), r.Raw.ReadBoolean(), r.Text());
        var estates = new EstateTravel[r.Count()];
        for (var i = 0; i < estates.Length; i++)
        {
            estates[i] = new EstateTravel(r.RequiredText(), r.Text(), r.Text(), r.Number(), r.Number(), r.Number(), r.Number(), r.Number(),
                r.Raw.ReadBoolean(), r.Text()) { SnapFailureCode = r.Text() };
        }
        var agencies = new AgencyTravelSummary[r.Count()];
        for (var i = 0; i < agencies.Length; i++)
        {
            var id = r.RequiredText();
            int count = r.Raw.ReadInt32(), dwellings = r.Raw.ReadInt32();
            double? mean = r.Number(), median = r.Number(), p90 = r.Number(), max = r.Number();
            var beyond = new Dictionary<int, int>();
            for (var n = r.Count(); n > 0; n--)
                beyond[r.Raw.ReadInt32()] = r.Raw.ReadInt32();
            agencies[i] = new AgencyTravelSummary(id, count, dwellings, mean, median, p90, max, beyond, r.Raw.ReadInt32(), r.Raw.ReadInt32(), r.Raw.ReadBoolean());
        }
        var matrix = r.Raw.ReadBoolean() ? ReadMatrix(r) : null;
        return new AgencyTravelReviewResult(access, estates, agencies, estimated, unsnapped) { Matrix = matrix };
    }

    private static AgencyEstateMatrix ReadMatrix(Reader r)
    {
        var agencyIds = new string[r.Count()];
        for (var a = 0; a < agencyIds.Length; a++)
            agencyIds[a] = r.RequiredText();
        var estateIds = new string[r.Count()];
        for (var e = 0; e < estateIds.Length; e++)
            estateIds[e] = r.RequiredText();
        var columns = new string?[r.Count()][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new string?[estateIds.Length];
            for (var e = 0; e < estateIds.Length; e++)
                columns[c][e] = r.Text();
        }
        var rows = new SparseTravelRow?[agencyIds.Length];
        var rowReasons = new string?[agencyIds.Length];
        for (var a = 0; a < agencyIds.Length; a++)
        {
            if (!r.Raw.ReadBoolean())
            {
                rowReasons[a] = r.Text();
                continue;
            }
            var column = r.Raw.ReadInt32();
            if (column < -1 || column >= columns.Length)
                throw new InvalidDataException("A stored travel review is damaged.");
            var reason = r.Text();
            var reached = r.Ascending();
            var seconds = r.Seconds(reached.Length);
            var meters = r.Meters(reached.Length);
            var otherIndex = r.Array<int>();
            var other = new (double?, double?, string?)[otherIndex.Length];
            for (var k = 0; k < other.Length; k++)
                other[k] = (r.Number(), r.Number(), r.Text());
            rows[a] = SparseTravelRow.Create(estateIds.Length, reached, seconds, meters, reason, otherIndex, other, column < 0 ? null : columns[column]);
        }
        return AgencyEstateMatrix.FromSparseRows(agencyIds, estateIds, rows, rowReasons);
    }

    private static void WriteMatrix(Writer w, AgencyEstateMatrix m)
    {
        w.Raw.Write(m.AgencyIds.Count);
        foreach (var id in m.AgencyIds)
            w.Text(id);
        w.Raw.Write(m.EstateIds.Count);
        foreach (var id in m.EstateIds)
            w.Text(id);
        // Reasons by estate shared by rows (estates off the roads): each distinct array once.
        var columns = new List<string?[]>();
        for (var a = 0; a < m.AgencyIds.Count; a++)
            if (m.SparseRow(a)?.ColumnReasons is { } c && !columns.Any(x => ReferenceEquals(x, c)))
                columns.Add(c);
        w.Raw.Write(columns.Count);
        foreach (var c in columns)
            foreach (var reason in c)
                w.Text(reason);
        for (var a = 0; a < m.AgencyIds.Count; a++)
        {
            if (m.SparseRow(a) is not { } row)
            {
                w.Raw.Write(false);
                w.Text(m.RowReason(a));
                continue;
            }
            w.Raw.Write(true);
            w.Raw.Write(row.ColumnReasons is { } own ? columns.FindIndex(x => ReferenceEquals(x, own)) : -1);
            w.Text(row.Reason);
            w.Ascending(row.Reached);
            w.Seconds(row.Seconds);
            w.Meters(row.Meters);
            w.Array(row.OtherIndex);
            foreach (var (s, mt, reason) in row.Other)
            {
                w.Number(s);
                w.Number(mt);
                w.Text(reason);
            }
        }
    }

    /// <summary>Texts written once: 0 null, 1 a new text (then its characters), k + 2 the k-th text already written.</summary>
    private sealed class Writer(BinaryWriter raw) : IDisposable
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public BinaryWriter Raw => raw;

        public void Text(string? s)
        {
            if (s is null)
                raw.Write7BitEncodedInt(0);
            else if (_seen.TryGetValue(s, out var k))
                raw.Write7BitEncodedInt(k + 2);
            else
            {
                raw.Write7BitEncodedInt(1);
                raw.Write(s);
                _seen[s] = _seen.Count;
            }
        }

        public void Number(double? value)
        {
            raw.Write(value.HasValue);
            if (value is { } v)
                raw.Write(v);
        }

        public void Array<T>(ReadOnlySpan<T> values) where T : unmanaged
        {
            raw.Write(values.Length);
            raw.Write(MemoryMarshal.AsBytes(values));
        }

        /// <summary>Ascending indexes as their gaps, 7 bits a byte: a row's reached estates take one or two bytes each.</summary>
        public void Ascending(ReadOnlySpan<int> values)
        {
            var bytes = Scratch(values.Length * 5);
            int n = 0, previous = -1;
            foreach (var v in values)
            {
                var gap = (uint)(v - previous);
                previous = v;
                for (; gap >= 0x80; gap >>= 7)
                    bytes[n++] = (byte)(gap | 0x80);
                bytes[n++] = (byte)gap;
            }
            raw.Write(values.Length);
            raw.Write(n);
            raw.Write(bytes.AsSpan(0, n));
        }

        /// <summary>Seconds as whole milliseconds (int32) when every value is exactly one (what the matrix computes), else as doubles.</summary>
        public void Seconds(ReadOnlySpan<double> values) => Compact(values, WholeMilliseconds, v => (int)Math.Round(v * 1000));

        /// <summary>Metres as floats when every value is exactly one (the matrix keeps metres at float precision), else as doubles.</summary>
        public void Meters(ReadOnlySpan<double> values) =>
            Compact(values, v => BitConverter.DoubleToInt64Bits((float)v) == BitConverter.DoubleToInt64Bits(v), v => (float)v);

        // 1 and the narrow values when every value is exact in them, else 0 and the doubles.
        private void Compact<T>(ReadOnlySpan<double> values, Func<double, bool> exact, Func<double, T> narrow) where T : unmanaged
        {
            foreach (var v in values)
                if (!exact(v))
                {
                    raw.Write((byte)0);
                    raw.Write(MemoryMarshal.AsBytes(values));
                    return;
                }
            raw.Write((byte)1);
            var size = values.Length * Unsafe.SizeOf<T>();
            var compact = MemoryMarshal.Cast<byte, T>(Scratch(size).AsSpan(0, size));
            for (var i = 0; i < values.Length; i++)
                compact[i] = narrow(values[i]);
            raw.Write(MemoryMarshal.AsBytes(compact));
        }

        private static bool WholeMilliseconds(double seconds)
        {
            var ms = Math.Round(seconds * 1000);
            return ms is >= int.MinValue and <= int.MaxValue
                && BitConverter.DoubleToInt64Bits((int)ms / 1000.0) == BitConverter.DoubleToInt64Bits(seconds);
        }

        private byte[] _scratch = [];

        private byte[] Scratch(int length)
        {
            if (_scratch.Length < length)
                _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
            return _scratch;
        }

        public void Dispose() => raw.Dispose();
    }

    private sealed class Reader(BinaryReader raw) : IDisposable
    {
        private readonly List<string> _seen = [];

        public BinaryReader Raw => raw;

        public int Count()
        {
            var n = raw.ReadInt32();
            if (n < 0)
                throw new InvalidDataException("A stored travel review is damaged.");
            return n;
        }

        public string? Text()
        {
            var code = raw.Read7BitEncodedInt();
            if (code == 0)
                return null;
            if (code == 1)
            {
                var s = raw.ReadString();
                _seen.Add(s);
                return s;
            }
            return code - 2 < _seen.Count ? _seen[code - 2] : throw new InvalidDataException("A stored travel review is damaged.");
        }

        public string RequiredText() => Text() ?? throw new InvalidDataException("A stored travel review is damaged.");

        public double? Number() => raw.ReadBoolean() ? raw.ReadDouble() : null;

        public T[] Array<T>() where T : unmanaged
        {
            var values = new T[Count()];
            Fill(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        public int[] Ascending()
        {
            var values = new int[Count()];
            var bytes = Array<byte>();
            int n = 0, previous = -1;
            for (var i = 0; i < values.Length; i++)
            {
                uint gap = 0;
                for (var shift = 0; ; shift += 7)
                {
                    if (n == bytes.Length || shift > 28)
                        throw new InvalidDataException("A stored travel review is damaged.");
                    var b = bytes[n++];
                    gap |= (uint)(b & 0x7F) << shift;
                    if (b < 0x80)
                        break;
                }
                values[i] = previous = checked(previous + (int)gap);
            }
            return n == bytes.Length ? values : throw new InvalidDataException("A stored travel review is damaged.");
        }

        public double[] Seconds(int count) => Values<int>(count, ms => ms / 1000.0);

        public double[] Meters(int count) => Values<float>(count, f => f);

        // Doubles as written (0), or the compact values the writer chose when every one was exact (1), widened back.
        private double[] Values<T>(int count, Func<T, double> widen) where T : unmanaged
        {
            var values = new double[count];
            switch (raw.ReadByte())
            {
                case 0:
                    Fill(MemoryMarshal.AsBytes(values.AsSpan()));
                    break;
                case 1:
                    var compact = new T[count];
                    Fill(MemoryMarshal.AsBytes(compact.AsSpan()));
                    for (var i = 0; i < count; i++)
                        values[i] = widen(compact[i]);
                    break;
                default:
                    throw new InvalidDataException("A stored travel review is damaged.");
            }
            return values;
        }

        private void Fill(Span<byte> bytes)
        {
            while (bytes.Length > 0)
            {
                var read = raw.Read(bytes);
                if (read == 0)
                    throw new InvalidDataException("A stored travel review is truncated.");
                bytes = bytes[read..];
            }
        }

        public void Dispose() => raw.Dispose();
    }
}
