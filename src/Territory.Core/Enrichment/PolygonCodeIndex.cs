using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Territory.Core.Enrichment;

/// <summary>Finds the code of the polygon containing a position (a grid over the polygons' envelopes, indexed point-in-area locators).</summary>
/// <remarks>
/// <para>A position on the boundary counts as inside. When several polygons contain it (shared
/// boundary, overlapping QPV), the first one in input order wins, so the answer is deterministic.
/// Non-polygonal and empty geometries are ignored. Thread-safe once constructed.</para>
/// <para>The candidates of a position are the polygons whose envelope covers it — the same as an STRtree's query
/// gives — found in the grid cell of the position, in input order, so the first one whose locator does not
/// answer « exterior » is the answer and the others are not tested. About one cell per polygon: a commune's
/// envelope covers a few cells, a cell lists a few polygons (an STRtree query was most of a national import's join).</para>
/// </remarks>
internal sealed class PolygonCodeIndex
{
    private readonly IndexedPointInAreaLocator?[] _locators;
    private readonly Envelope?[] _envelopes;
    private readonly string[] _codes;
    private readonly double _minX, _minY, _maxX, _maxY, _cellWidth, _cellHeight;
    private readonly int _columns, _rows;
    // Cell c lists _items[_starts[c] .. _starts[c + 1]), polygon indexes in ascending (input) order.
    private readonly int[] _starts = [0];
    private readonly int[] _items = [];

    /// <summary>Number of polygons indexed.</summary>
    public int Count { get; }

    public PolygonCodeIndex(IReadOnlyList<(string Code, Geometry Area)> areas)
    {
        _locators = new IndexedPointInAreaLocator?[areas.Count];
        _envelopes = new Envelope?[areas.Count];
        _codes = new string[areas.Count];
        var extent = new Envelope();
        for (var i = 0; i < areas.Count; i++)
        {
            var (code, area) = areas[i];
            _codes[i] = code;
            if (area.IsEmpty || area is not IPolygonal)
                continue;
            var locator = new IndexedPointInAreaLocator(area);
            // The locator builds its edge index lazily: build it now so parallel queries only read.
            locator.Locate(area.EnvelopeInternal.Centre);
            _locators[i] = locator;
            _envelopes[i] = area.EnvelopeInternal;
            extent.ExpandToInclude(area.EnvelopeInternal);
            Count++;
        }
        if (Count == 0)
            return;

        // About as many cells as polygons, square-ish over the extent.
        var width = Math.Max(extent.Width, 1e-9);
        var height = Math.Max(extent.Height, 1e-9);
        var side = Math.Sqrt(width * height / Count);
        _columns = Math.Clamp((int)Math.Ceiling(width / side), 1, 4096);
        _rows = Math.Clamp((int)Math.Ceiling(height / side), 1, 4096);
        (_minX, _minY, _maxX, _maxY) = (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        _cellWidth = width / _columns;
        _cellHeight = height / _rows;

        var counts = new int[_columns * _rows + 1];
        ForEachCell((cell, _) => counts[cell + 1]++);
        for (var c = 1; c < counts.Length; c++)
            counts[c] += counts[c - 1];
        _starts = counts;
        _items = new int[counts[^1]];
        var next = (int[])counts.Clone();
        ForEachCell((cell, item) => _items[next[cell]++] = item);
    }

    /// <summary>Code of the first polygon containing <paramref name="position"/>, or null.</summary>
    public string? Locate(Coordinate position)
    {
        if (Count == 0)
            return null;
        var (x, y) = (position.X, position.Y);
        if (!(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY))
            return null;
        var cell = Row(y) * _columns + Column(x);
        for (var k = _starts[cell]; k < _starts[cell + 1]; k++)
        {
            var item = _items[k];
            var e = _envelopes[item]!;
            if (x < e.MinX || x > e.MaxX || y < e.MinY || y > e.MaxY)
                continue;
            if (_locators[item]!.Locate(position) != Location.Exterior)
                return _codes[item];
        }
        return null;
    }

    /// <summary>Every (cell, polygon) pair where the polygon's envelope covers part of the cell, polygons in input order.</summary>
    private void ForEachCell(Action<int, int> visit)
    {
        for (var i = 0; i < _envelopes.Length; i++)
        {
            if (_envelopes[i] is not { } e)
                continue;
            var (c0, c1, r0, r1) = (Column(e.MinX), Column(e.MaxX), Row(e.MinY), Row(e.MaxY));
            for (var r = r0; r <= r1; r++)
                for (var c = c0; c <= c1; c++)
                    visit(r * _columns + c, i);
        }
    }

    // The cell column of an x within the extent. The same arithmetic for envelopes and positions, and monotonic
    // (a rounded subtraction and division keep the order): a position inside an envelope falls in one of its cells.
    private int Column(double x) => Cell(x, _minX, _cellWidth, _columns);

    private int Row(double y) => Cell(y, _minY, _cellHeight, _rows);

    private static int Cell(double v, double min, double size, int count) => Math.Clamp((int)((v - min) / size), 0, count - 1);
}
