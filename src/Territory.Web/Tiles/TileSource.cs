using System.Diagnostics;
using System.Globalization;
using Territory.Core.Typology;
using Territory.IO.Export;
using Territory.IO.Travel;
using Territory.PostGis.Tiles;
using Territory.Store;
using Territory.Web.State;

namespace Territory.Web.Tiles;

/// <summary>
/// Who cuts a tile for a request, and the tile's bytes: PostGIS (<c>ST_AsMVT</c>) for a PostGIS project while the user
/// shows the saved state and the stored analysis describes it; otherwise the server's own state (<see cref="SnapshotTiles"/>),
/// which holds the user's scenario edits at once.
/// </summary>
public sealed class TileSource(ProjectSession session, TileOptions options)
{
    private static readonly IReadOnlyDictionary<string, string> Colours =
        TerritoryTypes.All.ToDictionary(t => t.Code(), t => t.Colour(), StringComparer.Ordinal);

    /// <summary>The tiles already cut, of every state, bounded by <see cref="TileOptions.CacheMegabytes"/>.</summary>
    internal TileCache Cache { get; } = new(Math.Max(1, options.CacheMegabytes) * 1024L * 1024);

    /// <summary>
    /// Where a tile comes from: <c>memory</c> or <c>postgis</c>. Unless PostGIS is asked for (<c>postgis</c>), estates
    /// gathered in cells come from the server's grid of the state (<see cref="EstateCells"/>): the server holds every state it
    /// shows, and the grid answers a national tile with a lookup where PostGIS joins tens of thousands of estates to the stored analysis.
    /// </summary>
    public string SourceOf(string layer, int z, ProjectSnapshot current)
    {
        if (options.Source == "memory" || !ProjectStores.IsUri(session.ProjectPath))
            return "memory";
        if (layer is TileLayers.Estates && z < options.AggregateBelowZoom && options.Source != "postgis")
            return "memory";
        // The national view's territories are merged by type, which the server does once per state (TypeMergedTerritories).
        if (layer is TileLayers.Territories && TypeMergedTerritories.Applies(z))
            return "memory";
        // Communes and QPV are what the store holds; estates and territories also need the stored analysis of the saved state.
        // (A scenario changes presence points only: its state shares the saved communes and QPV.)
        if (layer is TileLayers.Communes)
            return ReferenceEquals(current.Data.Communes, session.Saved.Data.Communes) ? "postgis" : "memory";
        if (layer is TileLayers.Qpv)
            return ReferenceEquals(current.Data.Districts, session.Saved.Data.Districts) ? "postgis" : "memory";
        if (!ReferenceEquals(current, session.Saved))
            return "memory";
        var stored = StoredAnalysis(current);
        return stored == Stored.Current || (options.Source == "postgis" && stored == Stored.Older) ? "postgis" : "memory";
    }

    // The server's own cuts run at most one per core: on a busy server fifty clients cutting at once share the cores and all
    // wait, while the tiles already cut (most of a map's requests) would queue behind them for a thread.
    private readonly SemaphoreSlim _cutters = new(Math.Max(1, Environment.ProcessorCount));

    // PostGIS cuts wait without a thread, so nothing else bounds them: fifty at once would be fifty database processes sharing
    // the cores with the server, and every answer, the held ones too, would wait on them. Two per core keep the database busy.
    private readonly SemaphoreSlim _databaseCutters = new(Math.Max(2, 2 * Environment.ProcessorCount));

    /// <summary>
    /// The tile for the request's user, from the cache at once, or cut when a core is free, and whether it came from the cache.
    /// </summary>
    internal async Task<(TileBytes Tile, bool Hit)> TileAsync(string layer, TileAddress tile, TileFilter filter, ProjectSnapshot current, CancellationToken ct)
    {
        var source = SourceOf(layer, tile.Z, current);
        var key = Key(source, layer, tile, filter, current);
        if (Cache.Find(key) is { } held)
            return (held, true);
        if (source == "postgis")
            // The request waits on the database without a thread: the answers already held go on meanwhile.
            // Shared by every request for the tile: one client leaving does not stop the others' cut.
            return await Cache.GetOrAddAsync(key, async () =>
            {
                await _databaseCutters.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    return TileBytes.Of(await PostGisTiles.TileAsync(session.ProjectPath, current.Data.WorkingCrs, layer, tile.Z, tile.X, tile.Y,
                        tile.Z < options.AggregateBelowZoom, PostGisFilter(filter), Colours, CancellationToken.None).ConfigureAwait(false));
                }
                finally
                {
                    _databaseCutters.Release();
                }
            }).ConfigureAwait(false);
        await _cutters.WaitAsync(ct);
        try
        {
            return Tile(layer, tile, filter, current);
        }
        finally
        {
            _cutters.Release();
        }
    }

    /// <summary>The tile for the request's user, from the cache or cut now, and whether it came from the cache.</summary>
    internal (TileBytes Tile, bool Hit) Tile(string layer, TileAddress tile, TileFilter filter, ProjectSnapshot current)
    {
        var source = SourceOf(layer, tile.Z, current);
        var tiles = SnapshotTiles.Of(current, options.AggregateBelowZoom);
        return Cache.GetOrAdd(Key(source, layer, tile, filter, current), () => TileBytes.Of(source == "postgis"
            ? PostGisTiles.Tile(session.ProjectPath, current.Data.WorkingCrs, layer, tile.Z, tile.X, tile.Y, tile.Z < options.AggregateBelowZoom,
                PostGisFilter(filter), Colours)
            : TileEncoder.Encode(tile, layer, tiles.Features(layer, tile, filter))));
    }

    private static EstateTileFilter PostGisFilter(TileFilter filter) =>
        new(filter.Types?.ToList(), filter.Landlord, filter.Agency, filter.MinMinutes);

    /// <summary>
    /// The cache key of a tile: the state it shows (communes and QPV: the data version, which a scenario does not change;
    /// estates and territories: the state's own version, unique in this process), the source, the layer, the address, the filter.
    /// </summary>
    internal static string Key(string source, string layer, TileAddress tile, TileFilter filter, ProjectSnapshot current)
    {
        var state = layer is TileLayers.Communes or TileLayers.Qpv
            ? "d" + current.Data.DataVersion.ToString(CultureInfo.InvariantCulture)
            : "s" + current.Version.ToString(CultureInfo.InvariantCulture);
        return $"{state}:{source}:{layer}:{tile}:{(layer == TileLayers.Estates ? filter.Key : "")}";
    }

    private enum Stored { Missing, Older, Current }

    // Whether the stored travel review and territories exist and were derived from the saved data version (re-checked every
    // few seconds while not current): without them PostGIS cannot say an estate's type and travel time.
    private Stored StoredAnalysis(ProjectSnapshot saved)
    {
        var check = saved.Memo("tiles:stored", () => new StoredCheck());
        return check.Current(() =>
        {
            using var store = ProjectStores.Open(session.ProjectPath);
            var version = saved.Data.DataVersion;
            var travel = store.DerivedVersion(TravelReviewLayers.EstatesTable);
            var territories = store.DerivedVersion(AnalysisLayers.Territories);
            if (travel is null || territories is null)
                return Stored.Missing;
            return travel == version && territories == version ? Stored.Current : Stored.Older;
        });
    }

    private sealed class StoredCheck
    {
        private readonly Lock _gate = new();
        private Stored _stored;
        private long _checkedAt = long.MinValue;

        public Stored Current(Func<Stored> check)
        {
            lock (_gate)
            {
                if (_stored == Stored.Current || (_checkedAt != long.MinValue && Stopwatch.GetElapsedTime(_checkedAt) < TimeSpan.FromSeconds(5)))
                    return _stored;
                _stored = check();
                _checkedAt = Stopwatch.GetTimestamp();
                return _stored;
            }
        }
    }
}
