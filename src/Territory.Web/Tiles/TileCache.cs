using System.Collections.Concurrent;
using System.IO.Compression;

namespace Territory.Web.Tiles;

/// <summary>A tile's bytes, as cut and gzip-compressed; both empty for a tile without features.</summary>
internal sealed record TileBytes(byte[] Raw, byte[] Gzip)
{
    public static TileBytes Of(byte[] raw)
    {
        if (raw.Length == 0)
            return new TileBytes(raw, raw);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(raw);
        return new TileBytes(raw, output.ToArray());
    }
}

/// <summary>Tiles already cut, by key, bounded: past <see cref="MaxTiles"/> the cache starts again empty.</summary>
internal sealed class TileCache
{
    /// <summary>Tiles kept (a national view at one zoom is a few dozen; panning a city, a few hundred).</summary>
    public const int MaxTiles = 4096;

    private readonly ConcurrentDictionary<string, Lazy<TileBytes>> _tiles = new(StringComparer.Ordinal);

    /// <summary>The tile under <paramref name="key"/>, cut once even when many clients ask for it at once.</summary>
    public TileBytes GetOrAdd(string key, Func<TileBytes> cut)
    {
        if (_tiles.Count >= MaxTiles)
            _tiles.Clear();
        var lazy = _tiles.GetOrAdd(key, _ => new Lazy<TileBytes>(cut, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failure (the database away) is not kept: the next request tries again.
            _tiles.TryRemove(new KeyValuePair<string, Lazy<TileBytes>>(key, lazy));
            throw;
        }
    }
}
