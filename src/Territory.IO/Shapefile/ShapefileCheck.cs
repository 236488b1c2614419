using System.Buffers.Binary;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.Shapefile;

/// <summary>
/// Checks a shapefile's files against each other before any row is read: every <c>.shp</c> record lies
/// within the file, the <c>.shx</c> index points at those very records, and the <c>.shp</c>, <c>.shx</c>
/// and <c>.dbf</c> count the same records. A truncated or mixed-up shapefile is refused as damaged, with
/// the counts, instead of losing its last rows silently.
/// </summary>
/// <remarks>
/// Reads only record headers (8 bytes per record, ESRI Shapefile Technical Description, 1998): memory stays
/// constant, and once the checks pass no record the reader meets can claim more bytes than the file holds.
/// </remarks>
internal static class ShapefileCheck
{
    private const int HeaderBytes = 100;
    private const int FileCode = 9994;

    /// <summary>Record counts of the three files.</summary>
    internal readonly record struct Counts(long Shp, long? Shx, long Dbf);

    /// <exception cref="ImportException">Damaged or inconsistent shapefile.</exception>
    public static Counts Run(string shp, string? shx, string dbf, string fileName)
    {
        var dbfCount = DbfRecords(dbf, fileName);
        var (shpCount, positions) = ShpRecords(shp, shx is not null, dbfCount, fileName);
        long? shxCount = null;
        if (shx is not null)
        {
            shxCount = ShxRecords(shx, positions!, fileName);
            if (shxCount != shpCount || dbfCount != shpCount)
                throw Fail("shapefile_counts_differ", fileName, ("shp", shpCount), ("shx", shxCount), ("dbf", dbfCount));
        }
        else if (dbfCount != shpCount)
        {
            throw Fail("shapefile_counts_differ_dbf", fileName, ("shp", shpCount), ("dbf", dbfCount));
        }
        return new Counts(shpCount, shxCount, dbfCount);
    }

    /// <summary>Walks the record headers; returns the count and, when an index is to be checked, each record's (offset, length) in 16-bit words.</summary>
    private static (long Count, List<(int Offset, int Length)>? Positions) ShpRecords(string path, bool keepPositions, long expected, string fileName)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var size = file.Length;
        Span<byte> header = stackalloc byte[HeaderBytes];
        if (size < HeaderBytes || file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes
            || BinaryPrimitives.ReadInt32BigEndian(header) != FileCode)
            throw Fail("shapefile_not_shp", fileName);
        var declared = 2L * BinaryPrimitives.ReadInt32BigEndian(header[24..]);
        var positions = keepPositions ? new List<(int, int)>() : null;
        Span<byte> record = stackalloc byte[8];
        long position = HeaderBytes;
        long count = 0;
        while (position + 8 <= size)
        {
            file.Position = position;
            file.ReadExactly(record);
            var words = BinaryPrimitives.ReadInt32BigEndian(record[4..]);
            var end = position + 8 + 2L * words;
            if (words < 0 || end > size)
            {
                if (declared > size)
                    throw Fail("shapefile_shp_truncated", fileName, ("actual", size), ("declared", declared), ("records", count), ("expected", expected));
                throw Fail("shapefile_record_beyond_end", fileName, ("record", count + 1), ("records", count));
            }
            positions?.Add(((int)(position / 2), words));
            count++;
            position = end;
        }
        if (declared > size || position < size && declared > position)
            throw Fail("shapefile_shp_truncated", fileName, ("actual", size), ("declared", declared), ("records", count), ("expected", expected));
        return (count, positions);
    }

    /// <summary>The index's count, each entry checked against the record it points at.</summary>
    private static long ShxRecords(string path, List<(int Offset, int Length)> records, string fileName)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var size = file.Length;
        Span<byte> header = stackalloc byte[HeaderBytes];
        if (size < HeaderBytes || file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes
            || BinaryPrimitives.ReadInt32BigEndian(header) != FileCode)
            throw Fail("shapefile_shx_invalid", fileName);
        var declared = 2L * BinaryPrimitives.ReadInt32BigEndian(header[24..]);
        if (declared > size)
            throw Fail("shapefile_shx_truncated", fileName, ("actual", size), ("declared", declared));
        var count = (size - HeaderBytes) / 8;
        Span<byte> entry = stackalloc byte[8];
        for (var i = 0L; i < count && i < records.Count; i++)
        {
            file.ReadExactly(entry);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry);
            var length = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            if (offset != records[(int)i].Offset || length != records[(int)i].Length)
                throw Fail("shapefile_index_mismatch", fileName, ("record", i + 1));
        }
        return count;
    }

    /// <summary>The table's record count, checked against its size (header length + count × record length).</summary>
    private static long DbfRecords(string path, string fileName)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        Span<byte> header = stackalloc byte[32];
        if (file.ReadAtLeast(header, 32, throwOnEndOfStream: false) < 32)
            throw Fail("shapefile_dbf_invalid", fileName);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var recordLength = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        if (headerLength < 33 || recordLength == 0)
            throw Fail("shapefile_dbf_invalid", fileName);
        var expected = headerLength + (long)count * recordLength;
        if (file.Length < expected)
            throw Fail("shapefile_dbf_truncated", fileName, ("actual", file.Length), ("declared", expected),
                ("records", Math.Max(0, (file.Length - headerLength) / recordLength)), ("expected", count));
        return count;
    }

    private static ImportException Fail(string code, string fileName, params (string Name, object? Value)[] args) =>
        new(Message.Of(code, [("file", fileName), .. args]));
}
