using Microsoft.Data.Sqlite;

namespace Territory.IO.GeoPackage;

/// <summary>Collects the envelopes of a layer being written and inserts them into its rtree at the end.</summary>
/// <remarks>
/// Inserting in Z-order (Morton code of the envelope centre) keeps SQLite's R*-tree insertions
/// local, and going through the raw SQLite statement avoids per-row ADO.NET parameter work: the
/// index of a million points costs a fraction of inserting them in arrival order.
/// </remarks>
internal sealed class RTreeLoader
{
    private Entry[] _entries = new Entry[1024];
    private int _count;

    public int Count => _count;

    public void Add(long fid, double minX, double minY, double maxX, double maxY)
    {
        if (_count == _entries.Length)
            Array.Resize(ref _entries, _entries.Length * 2);
        _entries[_count++] = new Entry(fid, minX, minY, maxX, maxY, 0);
    }

    /// <summary>Inserts the collected envelopes (within the connection's pending transaction).</summary>
    public void Flush(SqliteConnection connection, string table, double minX, double minY, double maxX, double maxY, CancellationToken ct)
    {
        if (_count == 0)
            return;
        var entries = _entries.AsSpan(0, _count);
        var sx = maxX > minX ? 65535.0 / (maxX - minX) : 0;
        var sy = maxY > minY ? 65535.0 / (maxY - minY) : 0;
        foreach (ref var e in entries)
        {
            var x = (uint)(((e.MinX + e.MaxX) / 2 - minX) * sx);
            var y = (uint)(((e.MinY + e.MaxY) / 2 - minY) * sy);
            e = e with { Key = Spread(x) | (Spread(y) << 1) };
        }
        entries.Sort(static (a, b) => a.Key.CompareTo(b.Key));

        using var insert = new RawStatement(connection, $"INSERT INTO {GeoPackageSchema.Quote(RTreeIndex.TableName(table))} VALUES (?1, ?2, ?3, ?4, ?5)");
        for (var i = 0; i < entries.Length; i++)
        {
            if ((i & 16383) == 0)
                ct.ThrowIfCancellationRequested();
            ref readonly var e = ref entries[i];
            insert.BindInt64(1, e.Fid);
            insert.BindDouble(2, e.MinX);
            insert.BindDouble(3, e.MaxX);
            insert.BindDouble(4, e.MinY);
            insert.BindDouble(5, e.MaxY);
            insert.Step();
        }
        _count = 0;
    }

    /// <summary>Spreads the 16 low bits of <paramref name="v"/> to the even bits of the result.</summary>
    private static ulong Spread(uint v)
    {
        ulong x = v & 0xFFFF;
        x = (x | (x << 8)) & 0x00FF00FF;
        x = (x | (x << 4)) & 0x0F0F0F0F;
        x = (x | (x << 2)) & 0x33333333;
        x = (x | (x << 1)) & 0x55555555;
        return x;
    }

    private readonly record struct Entry(long Fid, double MinX, double MinY, double MaxX, double MaxY, ulong Key);
}
