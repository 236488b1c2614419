using System.Diagnostics;
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

    /// <summary>Where a tile comes from: <c>memory</c> or <c>postgis</c>.</summary>
    public string SourceOf(string layer, ProjectSnapshot current)
    {
        if (options.Source == "memory" || !ProjectStores.IsUri(session.ProjectPath))
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

    /// <summary>The tile for the request's user, from the cache of its state or cut now.</summary>
    internal TileBytes Tile(string layer, TileAddress tile, TileFilter filter, ProjectSnapshot current)
    {
        var source = SourceOf(layer, current);
        var cells = layer == TileLayers.Estates && tile.Z < options.AggregateBelowZoom;
        var key = $"{source}:{layer}:{tile}:{(cells ? "c" : "p")}:{(layer == TileLayers.Estates ? filter.Key : "")}";
        var tiles = SnapshotTiles.Of(current);
        return tiles.Cache.GetOrAdd(key, () => TileBytes.Of(source == "postgis"
            ? PostGisTiles.Tile(session.ProjectPath, current.Data.WorkingCrs, layer, tile.Z, tile.X, tile.Y, cells,
                new EstateTileFilter(filter.Types?.ToList(), filter.Landlord, filter.Agency, filter.MinMinutes), Colours)
            : TileEncoder.Encode(tile, layer, tiles.Features(layer, tile, filter, options.AggregateBelowZoom))));
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
