using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace Territory.Core.Enrichment;

/// <summary>Finds the code of the polygon containing a position (STRtree of indexed point-in-area locators).</summary>
/// <remarks>
/// A position on the boundary counts as inside. When several polygons contain it (shared
/// boundary, overlapping QPV), the first one in input order wins, so the answer is deterministic.
/// Non-polygonal and empty geometries are ignored. Thread-safe once constructed.
/// </remarks>
internal sealed class PolygonCodeIndex
{
    private readonly STRtree<int> _tree = new();
    private readonly IndexedPointInAreaLocator?[] _locators;
    private readonly string[] _codes;

    /// <summary>Number of polygons indexed.</summary>
    public int Count { get; }

    public PolygonCodeIndex(IReadOnlyList<(string Code, Geometry Area)> areas)
    {
        _locators = new IndexedPointInAreaLocator?[areas.Count];
        _codes = new string[areas.Count];
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
            _tree.Insert(area.EnvelopeInternal, i);
            Count++;
        }
        _tree.Build();
    }

    /// <summary>Code of the first polygon containing <paramref name="position"/>, or null.</summary>
    public string? Locate(Coordinate position)
    {
        if (Count == 0)
            return null;
        var visitor = new FirstHit(this, position);
        _tree.Query(new Envelope(position), visitor);
        return visitor.Best >= 0 ? _codes[visitor.Best] : null;
    }

    private sealed class FirstHit(PolygonCodeIndex owner, Coordinate position) : IItemVisitor<int>
    {
        public int Best { get; private set; } = -1;

        public void VisitItem(int item)
        {
            if (Best >= 0 && item > Best)
                return;
            if (owner._locators[item]!.Locate(position) != Location.Exterior)
                Best = item;
        }
    }
}
