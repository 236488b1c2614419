using Microsoft.Data.Sqlite;

namespace Territory.IO.GeoPackage;

/// <summary>Collects the envelopes of a layer being written and inserts them into its rtree at the end.</summary>
/// <remarks>
/// Inserting in Z-order (Morton code of the envelope centre) keeps SQLite's R*-tree insertions
/// local, and going through the raw SQLite statement avoids per-row ADO.NET parameter work: the
/// index of a million points costs a fraction of inserting them in arrival order. Envelopes are held as the
/// 32-bit floats the R*-tree stores, rounded outward as SQLite rounds them (24 bytes a row, not 48).
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
        _entries[_count++] = new Entry(fid, Down(minX), Down(minY), Up(maxX), Up(maxY));
    }

    // SQLite's rtreeValueDown / rtreeValueUp: the float the R*-tree would store for a double bound.
    private const double Towards = 1.0 - 1.0 / 8388608.0;
    private const double Away = 1.0 + 1.0 / 8388608.0;

    private static float Down(double d)
    {
        var f = (float)d;
        return f > d ? (float)(d * (d < 0 ? Away : Towards)) : f;
    }

    private static float Up(double d)
    {
        var f = (float)d;
        return f < d ? (float)(d * (d < 0 ? Towards : Away)) : f;
    }

    /// <summary>Inserts the collected envelopes (within the connection's pending transaction).</summary>
    public void Flush(SqliteConnection connection, string table, double minX, double minY, double maxX, double maxY, CancellationToken ct)
    {
        if (_count == 0)
            return;
        var entries = _entries.AsSpan(0, _count);
        var sx = maxX > minX ? 65535.0 / (maxX - minX) : 0;
        var sy = maxY > minY ? 65535.0 / (maxY - minY) : 0;
        var keys = new ulong[_count];
        for (var i = 0; i < entries.Length; i++)
        {
            ref readonly var e = ref entries[i];
            var x = (uint)Math.Clamp(((e.MinX + (double)e.MaxX) / 2 - minX) * sx, 0, 65535);
            var y = (uint)Math.Clamp(((e.MinY + (double)e.MaxY) / 2 - minY) * sy, 0, 65535);
            keys[i] = Spread(x) | (Spread(y) << 1);
        }
        keys.AsSpan().Sort(entries);

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

    private readonly record struct Entry(long Fid, float MinX, float MinY, float MaxX, float MaxY);
}
