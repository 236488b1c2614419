using Territory.Web.Tiles;

namespace Territory.Web.Tests.Tiles;

/// <summary>The cut tiles' cache: bounded by bytes, least recently asked for dropped first, one cut per tile.</summary>
public sealed class TileCacheTests
{
    private static TileBytes Tile(int rawBytes)
    {
        // Random bytes do not compress: the kept (gzip) size stays close to the raw one.
        var raw = new byte[rawBytes];
        new Random(rawBytes).NextBytes(raw);
        return TileBytes.Of(raw);
    }

    [Fact]
    public void GetOrAdd_PastTheBound_KeepsTheBytesUnderIt()
    {
        var cache = new TileCache(50_000);
        for (int i = 0; i < 40; i++)
        {
            cache.GetOrAdd($"s1:memory:estates:8/{i}/0:", () => Tile(5_000));
            Assert.InRange(cache.Bytes, 1, cache.MaxBytes);
        }
        Assert.InRange(cache.Count, 5, 9);
        Assert.Equal(40, cache.Cuts);
    }

    [Fact]
    public void GetOrAdd_PastTheBound_DropsTheLeastRecentlyAskedFor()
    {
        var cache = new TileCache(30_000);
        cache.GetOrAdd("a", () => Tile(5_000));
        cache.GetOrAdd("b", () => Tile(5_000));
        cache.GetOrAdd("c", () => Tile(5_000));
        // « a » asked again: « b » is now the oldest.
        Assert.True(cache.GetOrAdd("a", () => throw new InvalidOperationException("cut twice")).Hit);
        for (int i = 0; i < 3; i++)
            cache.GetOrAdd("new" + i, () => Tile(5_000));
        Assert.True(cache.Contains("a"));
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Bytes <= cache.MaxBytes);
    }

    [Fact]
    public void GetOrAdd_ATileLargerThanTheBound_IsAnsweredButNotKept()
    {
        var cache = new TileCache(1_000);
        var (tile, hit) = cache.GetOrAdd("big", () => Tile(5_000));
        Assert.False(hit);
        Assert.Equal(5_000, tile.RawLength);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public async Task GetOrAdd_ManyAskingAtOnce_CutsOnce()
    {
        var cache = new TileCache(1_000_000);
        using var gate = new ManualResetEventSlim();
        var askers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetOrAdd("k", () =>
        {
            gate.Wait(TimeSpan.FromSeconds(30));
            return Tile(1_000);
        }))).ToList();
        gate.Set();
        var answers = await Task.WhenAll(askers);
        Assert.Equal(1, cache.Cuts);
        Assert.All(answers, a => Assert.Same(answers[0].Tile, a.Tile));
    }

    [Fact]
    public void GetOrAdd_ACutThatFails_IsTriedAgainNextTime()
    {
        var cache = new TileCache(1_000_000);
        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd("k", () => throw new InvalidOperationException("database away")));
        Assert.False(cache.GetOrAdd("k", () => Tile(100)).Hit);
        Assert.True(cache.Contains("k"));
    }

    [Fact]
    public async Task GetOrAddAsync_ManyWaitingOnTheDatabase_OneCutNoThreadHeldAndHitsAnsweredMeanwhile()
    {
        var cache = new TileCache(1_000_000);
        cache.GetOrAdd("held", () => Tile(500));
        var database = new TaskCompletionSource<TileBytes>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Enumerable.Range(0, 64).Select(_ => cache.GetOrAddAsync("k", () => database.Task)).ToList();

        // Every request is waiting, none holds a thread: a tile already held is answered at once meanwhile.
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        Assert.True((await cache.GetOrAddAsync("held", () => throw new InvalidOperationException("not cut again"))).Hit);
        database.SetResult(Tile(1_000));
        var answers = await Task.WhenAll(waiting);

        Assert.Equal(2, cache.Cuts);
        Assert.All(answers, a => Assert.Same(answers[0].Tile, a.Tile));
        Assert.True((await cache.GetOrAddAsync("k", () => throw new InvalidOperationException("not cut again"))).Hit);
    }

    [Fact]
    public async Task GetOrAddAsync_ACutThatFails_IsTriedAgainNextTime()
    {
        var cache = new TileCache(1_000_000);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrAddAsync("k", () => Task.FromException<TileBytes>(new InvalidOperationException("database away"))));
        Assert.False((await cache.GetOrAddAsync("k", () => Task.FromResult(Tile(100)))).Hit);
        Assert.True(cache.Contains("k"));
    }

    [Fact]
    public void Raw_OfAKeptTile_IsTheTileCut()
    {
        var raw = new byte[3_000];
        new Random(7).NextBytes(raw);
        Assert.Equal(raw, TileBytes.Of(raw).Raw());
        Assert.True(TileBytes.Of([]).IsEmpty);
    }
}
