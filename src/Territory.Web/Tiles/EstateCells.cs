using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Territory.Web.Tiles;

/// <summary>
/// The estates of one project state gathered in cells for the small scales, without a filter: one pass over the estates
/// into the finest cells (the zoom just below the one-by-one threshold, <see cref="TileLayers.CellsPerSide"/>² cells a
/// tile), rolled up once per zoom (a cell of zoom z is 2 × 2 cells of zoom z + 1: the grids nest), so a tile's cells are a lookup.
/// </summary>
/// <remarks>
/// A cell of zoom z holds the estates whose Web Mercator position falls in it, counted on the whole world's grid
/// (<c>floor((x + half) / size)</c>, <c>floor((half − y) / size)</c>), the same half-open rule as <see cref="TileAddress.Holds"/>
/// and the PostGIS query: a cell says count, dwellings, the territory type with most dwellings (ties: the smaller code)
/// and the mean position of its estates.
/// </remarks>
internal sealed class EstateCells
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly int _finestZoom;
    private readonly string[] _types;
    private readonly Dictionary<(int X, int Y), Cell> _finest;
    private readonly Lazy<Dictionary<(int X, int Y), IFeature[]>>[] _tilesByZoom;

    /// <param name="points">The estates' positions.</param>
    /// <param name="facts">Their attributes (dwellings, type).</param>
    /// <param name="belowZoom">Estates are gathered below this zoom; the finest cells are those of the zoom just below.</param>
    public EstateCells(EstatePoints points, EstateFacts facts, int belowZoom)
    {
        _finestZoom = Math.Max(0, belowZoom - 1);
        _types = facts.Type.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var typeIndex = _types.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var size = CellSize(_finestZoom);
        _finest = [];
        for (int i = 0; i < points.X.Length; i++)
        {
            var key = ((int)Math.Floor((points.X[i] + WebMercator.HalfWorld) / size), (int)Math.Floor((WebMercator.HalfWorld - points.Y[i]) / size));
            if (!_finest.TryGetValue(key, out var cell))
                _finest[key] = cell = new Cell(_types.Length);
            cell.Add(points.X[i], points.Y[i], facts.Dwellings[i], facts.Type[i] is { } t ? typeIndex[t] : -1);
        }
        _tilesByZoom = new Lazy<Dictionary<(int X, int Y), IFeature[]>>[_finestZoom + 1];
        for (int z = 0; z <= _finestZoom; z++)
        {
            int zoom = z;
            _tilesByZoom[z] = new(() => RollUp(zoom));
        }
    }

    /// <summary>The cells of a tile at a zoom below the threshold, in row then column order; empty outside the data.</summary>
    public IReadOnlyList<IFeature> In(TileAddress tile)
    {
        if (tile.Z > _finestZoom)
            throw new ArgumentOutOfRangeException(nameof(tile), tile, null);
        return _tilesByZoom[tile.Z].Value.TryGetValue((tile.X, tile.Y), out var cells) ? cells : [];
    }

    /// <summary>Prepares the cells of every zoom up to <paramref name="maxZoom"/>.</summary>
    public void Prepare(int maxZoom)
    {
        for (int z = 0; z <= Math.Min(maxZoom, _finestZoom); z++)
            _ = _tilesByZoom[z].Value;
    }

    private static double CellSize(int zoom) => 2 * WebMercator.HalfWorld / ((1L << zoom) * TileLayers.CellsPerSide);

    private Dictionary<(int X, int Y), IFeature[]> RollUp(int zoom)
    {
        int shift = _finestZoom - zoom;
        var cells = new Dictionary<(int X, int Y), Cell>();
        foreach (var ((fx, fy), fine) in _finest)
        {
            var key = (fx >> shift, fy >> shift);
            if (!cells.TryGetValue(key, out var cell))
                cells[key] = cell = new Cell(_types.Length);
            cell.Add(fine);
        }
        var side = TileLayers.CellsPerSide;
        var tiles = new Dictionary<(int X, int Y), IFeature[]>();
        foreach (var group in cells.GroupBy(c => (c.Key.X / side, c.Key.Y / side)))
        {
            tiles[group.Key] = group
                .OrderBy(c => c.Key.Y % side).ThenBy(c => c.Key.X % side)
                .Select(c => Feature(c.Value))
                .ToArray();
        }
        return tiles;
    }

    private IFeature Feature(Cell cell)
    {
        var (lon, lat) = WebMercator.ToLonLat(cell.SumX / cell.Count, cell.SumY / cell.Count);
        var a = new AttributesTable { { "count", cell.Count }, { "dwellings", cell.Dwellings } };
        if (cell.Dominant() is int type)
            a.Add("type", _types[type]);
        return new Feature(Wgs84.CreatePoint(new Coordinate(lon, lat)), a);
    }

    private sealed class Cell(int types)
    {
        private readonly long[] _dwellingsByType = new long[types];
        private readonly bool[] _present = new bool[types];

        public int Count { get; private set; }
        public long Dwellings { get; private set; }
        public double SumX { get; private set; }
        public double SumY { get; private set; }

        public void Add(double x, double y, int dwellings, int type)
        {
            Count++;
            Dwellings += dwellings;
            SumX += x;
            SumY += y;
            if (type >= 0)
            {
                _dwellingsByType[type] += dwellings;
                _present[type] = true;
            }
        }

        public void Add(Cell other)
        {
            Count += other.Count;
            Dwellings += other.Dwellings;
            SumX += other.SumX;
            SumY += other.SumY;
            for (int t = 0; t < _present.Length; t++)
            {
                _dwellingsByType[t] += other._dwellingsByType[t];
                _present[t] |= other._present[t];
            }
        }

        // The type with most dwellings; types are in ordinal order, so the first of equals is the smaller code.
        public int? Dominant()
        {
            int? best = null;
            for (int t = 0; t < _present.Length; t++)
                if (_present[t] && (best is null || _dwellingsByType[t] > _dwellingsByType[best.Value]))
                    best = t;
            return best;
        }
    }
}
