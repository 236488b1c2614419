using System.Collections.Concurrent;

namespace Territory.Web.Tiles;

/// <summary>
/// The tiles already cut, of every project state, bounded by bytes: the least recently asked for go first. A tile is cut
/// once even when many clients ask for it at once (they wait on the same cut).
/// </summary>
/// <remarks>
/// Keys name the state a tile was cut from (<see cref="TileSource"/>), so a new state's tiles never meet an old state's;
/// an old state's tiles simply stop being asked for and fall out. An entry counts its gzip bytes, its key and a fixed overhead.
/// </remarks>
internal sealed class TileCache(long maxBytes)
{
    private const int EntryOverhead = 96;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    // Most recently used first.
    private readonly LinkedList<Entry> _order = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<TileBytes>>> _cutting = new(StringComparer.Ordinal);
    private long _bytes;
    private long _hits;
    private long _cuts;

    /// <summary>The bound, bytes.</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>Bytes held now (never above <see cref="MaxBytes"/>).</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
                return _bytes;
        }
    }

    /// <summary>Tiles held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    /// <summary>Answers from the cache since the start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Tiles cut since the start (a cut several requests waited on counts once).</summary>
    public long Cuts => Interlocked.Read(ref _cuts);

    /// <summary>The tile under <paramref name="key"/> when it is held (moved to the front), else null.</summary>
    public TileBytes? Find(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
                return null;
            _order.Remove(node);
            _order.AddFirst(node);
            Interlocked.Increment(ref _hits);
            return node.Value.Tile;
        }
    }

    /// <summary>True when the tile under <paramref name="key"/> is held (without touching its place in the order).</summary>
    public bool Contains(string key)
    {
        lock (_gate)
            return _entries.ContainsKey(key);
    }

    /// <summary>The tile under <paramref name="key"/>, and whether it was already cut (false: this request cut it or waited on its cut).</summary>
    public (TileBytes Tile, bool Hit) GetOrAdd(string key, Func<TileBytes> cut) =>
        GetOrAddAsync(key, () => Task.FromResult(cut())).GetAwaiter().GetResult();

    /// <summary>
    /// As <see cref="GetOrAdd"/> for a cut that waits on something else (the database): no thread is held while it runs, so
    /// the answers already held and the server's own cuts go on meanwhile. A cut given to <see cref="GetOrAdd"/> runs on
    /// the first caller's thread; the others wait for it.
    /// </summary>
    public async Task<(TileBytes Tile, bool Hit)> GetOrAddAsync(string key, Func<Task<TileBytes>> cut)
    {
        if (Find(key) is { } held)
            return (held, true);
        var pending = _cutting.GetOrAdd(key, _ => new Lazy<Task<TileBytes>>(() =>
        {
            Interlocked.Increment(ref _cuts);
            return cut();
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        TileBytes tile;
        try
        {
            tile = await pending.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failure (the database away) is not kept: the next request tries again.
            _cutting.TryRemove(new KeyValuePair<string, Lazy<Task<TileBytes>>>(key, pending));
            throw;
        }
        Keep(key, tile);
        _cutting.TryRemove(new KeyValuePair<string, Lazy<Task<TileBytes>>>(key, pending));
        return (tile, false);
    }

    private void Keep(string key, TileBytes tile)
    {
        var size = tile.Gzip.Length + 2L * key.Length + EntryOverhead;
        if (size > MaxBytes)
            return;
        lock (_gate)
        {
            if (_entries.ContainsKey(key))
                return;
            while (_bytes + size > MaxBytes && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Size;
            }
            _entries[key] = _order.AddFirst(new Entry(key, tile, size));
            _bytes += size;
        }
    }

    private sealed record Entry(string Key, TileBytes Tile, long Size);
}
