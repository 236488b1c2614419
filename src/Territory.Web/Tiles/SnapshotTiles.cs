using System.Runtime.CompilerServices;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Territory.Core.Caretaking;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.Web.State;

namespace Territory.Web.Tiles;

/// <summary>
/// Tiles cut from a project state held by the server (any store; a user's scenario included): spatial indexes in Web
/// Mercator built once per state, estates one by one from <see cref="TileOptions.AggregateBelowZoom"/>, gathered in cells below it.
/// </summary>
internal sealed class SnapshotTiles
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    // A scenario's states share the saved communes, QPV (and often territories) lists: one indexed layer per list.
    private static readonly ConditionalWeakTable<object, Lazy<PolygonLayer>> Layers = new();
    private static readonly ConditionalWeakTable<object, Lazy<PolygonLayer>> MergedLayers = new();
    private readonly ProjectSnapshot _snapshot;
    private readonly Lazy<EstateFacts> _facts;
    private readonly Lazy<EstateCells> _cells;
    private readonly Lazy<PolygonLayer> _territories;
    private readonly Lazy<PolygonLayer> _territoriesByType;
    private readonly Lazy<PolygonLayer> _communes;
    private readonly Lazy<PolygonLayer> _qpv;

    private SnapshotTiles(ProjectSnapshot snapshot, int aggregateBelowZoom)
    {
        _snapshot = snapshot;
        _facts = new(() => new EstateFacts(snapshot));
        _cells = new(() => new EstateCells(Points, _facts.Value, aggregateBelowZoom));
        // The layers' builders hold their list and the projection, never the state (a shared layer outlives the state that built it).
        var (territories, communes, districts, toWgs84) = (snapshot.Analysis.Territories, snapshot.Data.Communes, snapshot.Data.Districts, snapshot.ToWgs84);
        _territories = Shared(territories, () => new PolygonLayer(territories.Select(t => (MercatorGeometry.Of(t.Geometry, toWgs84), (IAttributesTable)new AttributesTable
        {
            { "id", t.Id }, { "name", t.Name }, { "kind", t.Kind.Code() }, { "type", t.Type.Code() }, { "colour", t.Type.Colour() },
            { "dwellings", t.Indicators.Dwellings }, { "estates", t.Indicators.Estates },
            { "caretakingApplies", t.Caretaking.Status == CaretakingStatus.Applies }, { "caretakingDeficit", t.Caretaking.Own.DeficitFte > 1e-9 },
        })).ToList()));
        _territoriesByType = MergedLayers.GetValue(territories, _ => new Lazy<PolygonLayer>(() => new PolygonLayer(TypeMergedTerritories.Of(
            territories.Select(t => (MercatorGeometry.Of(t.Geometry, toWgs84), t.Type.Code(), t.Type.Colour())).ToList())),
            LazyThreadSafetyMode.ExecutionAndPublication));
        _communes = Shared(communes, () => new PolygonLayer(communes.Select(c => (MercatorGeometry.Of(c.Geometry, toWgs84), Attributes(
            ("code", c.Code), ("name", c.Name), ("population", c.Population), ("densityLevel", c.DensityLevel)))).ToList()));
        _qpv = Shared(districts, () => new PolygonLayer(districts.Select(d => (MercatorGeometry.Of(d.Geometry, toWgs84), Attributes(
            ("code", d.Code), ("name", d.Name), ("communeCode", d.CommuneCode)))).ToList()));
        AggregateBelowZoom = aggregateBelowZoom;
    }

    /// <summary>Estates are gathered in cells below this zoom.</summary>
    public int AggregateBelowZoom { get; }

    private EstatePoints Points => EstatePoints.Of(_snapshot.Data.Estates, _snapshot.ToWgs84);

    /// <summary>The tiles of a project state (one per state, kept with it; the state's first asker fixes the cells' threshold).</summary>
    public static SnapshotTiles Of(ProjectSnapshot snapshot, int aggregateBelowZoom) =>
        snapshot.Memo("tiles", () => new Lazy<SnapshotTiles>(() => new SnapshotTiles(snapshot, aggregateBelowZoom))).Value;

    /// <summary>
    /// Builds what the tiles of this state need — the estates' positions, attributes and cells, each polygon layer's index
    /// and its polygons simplified up to <paramref name="simplifyUpToZoom"/> — in the order the national view needs them.
    /// Requests arriving meanwhile wait on the same work; stopping between two steps leaves nothing half-built.
    /// </summary>
    public void Prepare(int simplifyUpToZoom, IProgress<double>? progress, CancellationToken ct)
    {
        Action[] steps =
        [
            () => _ = Points, () => _ = _facts.Value, () => _cells.Value.Prepare(simplifyUpToZoom),
            () => _territoriesByType.Value.Prepare(Math.Min(simplifyUpToZoom, TypeMergedTerritories.UpToZoom)), () => _territories.Value.Prepare(simplifyUpToZoom),
            () => _communes.Value.Prepare(simplifyUpToZoom), () => _qpv.Value.Prepare(simplifyUpToZoom),
        ];
        for (int i = 0; i < steps.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            steps[i]();
            progress?.Report((i + 1.0) / steps.Length);
        }
    }

    /// <summary>The Web Mercator envelope of what the tiles of this state draw (estates and polygons); null when empty.</summary>
    public Envelope? DataEnvelope()
    {
        var e = new Envelope();
        var p = Points;
        for (int i = 0; i < p.X.Length; i++)
            e.ExpandToInclude(p.X[i], p.Y[i]);
        foreach (var layer in new[] { _territories, _communes, _qpv })
            e.ExpandToInclude(layer.Value.Envelope);
        return e.IsNull ? null : e;
    }

    /// <summary>The features of one layer in a tile, lon/lat, in a stable order.</summary>
    public IReadOnlyList<IFeature> Features(string layer, TileAddress tile, TileFilter filter) => layer switch
    {
        TileLayers.Estates => tile.Z < AggregateBelowZoom ? (filter.IsNone ? _cells.Value.In(tile) : Cells(tile, filter)) : Estates(tile, filter),
        // The national view: territories merged by type (TypeMergedTerritories); from the regional view, one by one.
        TileLayers.Territories => TypeMergedTerritories.Applies(tile.Z) ? _territoriesByType.Value.In(tile) : _territories.Value.In(tile),
        TileLayers.Communes => _communes.Value.In(tile),
        TileLayers.Qpv => _qpv.Value.In(tile),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, null),
    };

    private static Lazy<PolygonLayer> Shared(object list, Func<PolygonLayer> build) =>
        Layers.GetValue(list, _ => new Lazy<PolygonLayer>(build, LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>The estates kept by the filter: count and dwellings (the « Filtres » tab's total).</summary>
    public (int Estates, long Dwellings) Count(TileFilter filter)
    {
        var f = _facts.Value;
        int n = 0;
        long d = 0;
        for (int i = 0; i < f.Id.Length; i++)
            if (f.Keeps(filter, i))
            {
                n++;
                d += f.Dwellings[i];
            }
        return (n, d);
    }

    private List<IFeature> Estates(TileAddress tile, TileFilter filter)
    {
        var points = Points;
        var f = _facts.Value;
        var features = new List<IFeature>();
        foreach (var i in points.In(tile))
        {
            if (!f.Keeps(filter, i))
                continue;
            var a = new AttributesTable { { "id", f.Id[i] }, { "dwellings", f.Dwellings[i] } };
            if (f.Type[i] is { } type) a.Add("type", type);
            if (f.Landlord[i] is { } landlord) a.Add("landlord", landlord);
            if (f.Agency[i] is { } agency) a.Add("agency", agency);
            if (f.TravelAgency[i] is { } travel) a.Add("travelAgency", travel);
            if (f.Minutes[i] is double minutes) a.Add("minutes", minutes);
            a.Add("estimated", f.Estimated[i]);
            features.Add(new Feature(Wgs84.CreatePoint(new Coordinate(points.Lon[i], points.Lat[i])), a));
        }
        return features;
    }

    // A filtered view's cells, gathered from the tile's estates (without a filter they come from EstateCells): CellsPerSide² per
    // tile, count, dwellings, the type with most dwellings (ties: the smaller code), at the mean position.
    private List<IFeature> Cells(TileAddress tile, TileFilter filter)
    {
        var points = Points;
        var f = _facts.Value;
        var envelope = tile.Envelope;
        var cellSize = tile.SizeMeters / TileLayers.CellsPerSide;
        var cells = new SortedDictionary<int, Cell>();
        foreach (var i in points.In(tile))
        {
            if (!f.Keeps(filter, i))
                continue;
            int cx = Math.Clamp((int)Math.Floor((points.X[i] - envelope.MinX) / cellSize), 0, TileLayers.CellsPerSide - 1);
            int cy = Math.Clamp((int)Math.Floor((envelope.MaxY - points.Y[i]) / cellSize), 0, TileLayers.CellsPerSide - 1);
            int key = cy * TileLayers.CellsPerSide + cx;
            if (!cells.TryGetValue(key, out var cell))
                cells[key] = cell = new Cell();
            cell.Add(points.X[i], points.Y[i], f.Dwellings[i], f.Type[i]);
        }
        var features = new List<IFeature>(cells.Count);
        foreach (var cell in cells.Values)
        {
            var (lon, lat) = WebMercator.ToLonLat(cell.SumX / cell.Count, cell.SumY / cell.Count);
            var a = new AttributesTable { { "count", cell.Count }, { "dwellings", cell.Dwellings } };
            if (cell.Dominant() is { } type) a.Add("type", type);
            features.Add(new Feature(Wgs84.CreatePoint(new Coordinate(lon, lat)), a));
        }
        return features;
    }

    private static IAttributesTable Attributes(params (string Name, object? Value)[] values)
    {
        var a = new AttributesTable();
        foreach (var (name, value) in values)
            if (value is not null)
                a.Add(name, value);
        return a;
    }

    private sealed class Cell
    {
        private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);

        public int Count { get; private set; }
        public long Dwellings { get; private set; }
        public double SumX { get; private set; }
        public double SumY { get; private set; }

        public void Add(double x, double y, int dwellings, string? type)
        {
            Count++;
            Dwellings += dwellings;
            SumX += x;
            SumY += y;
            if (type is not null)
                _byType[type] = _byType.GetValueOrDefault(type) + dwellings;
        }

        public string? Dominant() => _byType.Count == 0 ? null
            : _byType.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
    }
}
