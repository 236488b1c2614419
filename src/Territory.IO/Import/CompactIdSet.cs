using System.Text;

namespace Territory.IO.Import;

/// <summary>
/// A set of ids with the row that first claimed each, stored as UTF-8 bytes in one growing array
/// and an open-addressing table of indexes: about 20 bytes per short id instead of a string and a
/// dictionary entry each, so a million-row import tells duplicates apart without holding its rows.
/// </summary>
internal sealed class CompactIdSet
{
    private byte[] _bytes = new byte[1 << 16];
    private int _used;
    private int[] _starts = new int[1024];
    private long[] _rows = new long[1024];
    private int[] _table = new int[2048];   // entry index + 1, 0 for empty
    private int _count;
    private byte[] _scratch = new byte[256];

    public int Count => _count;

    /// <summary>Adds <paramref name="id"/> claimed by <paramref name="row"/>; false (and the first row) when it is already there.</summary>
    public bool TryAdd(string id, long row, out long firstRow)
    {
        var key = Encode(id);
        var slot = Find(key, out var found);
        if (found >= 0)
        {
            firstRow = _rows[found];
            return false;
        }
        firstRow = row;
        if (_count + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _rows, _rows.Length * 2);
        }
        if (_used + key.Length > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + key.Length));
        key.CopyTo(_bytes.AsSpan(_used));
        _starts[_count] = _used;
        _rows[_count] = row;
        _used += key.Length;
        _starts[_count + 1] = _used;
        _table[slot] = ++_count;
        if (_count * 2 > _table.Length)
            Grow();
        return true;
    }

    public bool Contains(string id)
    {
        Find(Encode(id), out var found);
        return found >= 0;
    }

    private ReadOnlySpan<byte> Encode(string id)
    {
        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (max > _scratch.Length)
            _scratch = new byte[max];
        return _scratch.AsSpan(0, Encoding.UTF8.GetBytes(id, _scratch));
    }

    private int Find(ReadOnlySpan<byte> key, out int found)
    {
        var mask = _table.Length - 1;
        var slot = Hash(key) & mask;
        while (_table[slot] != 0)
        {
            var e = _table[slot] - 1;
            if (key.SequenceEqual(_bytes.AsSpan(_starts[e], _starts[e + 1] - _starts[e])))
            {
                found = e;
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        found = -1;
        return slot;
    }

    private void Grow()
    {
        _table = new int[_table.Length * 2];
        var mask = _table.Length - 1;
        for (var e = 0; e < _count; e++)
        {
            var slot = Hash(_bytes.AsSpan(_starts[e], _starts[e + 1] - _starts[e])) & mask;
            while (_table[slot] != 0)
                slot = (slot + 1) & mask;
            _table[slot] = e + 1;
        }
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var h = new HashCode();
        h.AddBytes(key);
        return h.ToHashCode() & int.MaxValue;
    }
}
