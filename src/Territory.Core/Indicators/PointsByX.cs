using NetTopologySuite.Geometries;

namespace Territory.Core.Indicators;

/// <summary>Estates sorted by x: the ones whose location lies in a square around a point, found by two binary searches.</summary>
/// <remarks>For a few searches over many estates: built in one sort, far cheaper than a tree that the few searches would not repay.</remarks>
internal sealed class PointsByX
{
    private readonly double[] _x;
    private readonly EstateFacts[] _facts;

    public PointsByX(IReadOnlyList<EstateFacts> facts)
    {
        // An estate without a usable location is never around anything.
        var located = facts.Where(f => f.Location.Coordinate is { } c && double.IsFinite(c.X) && double.IsFinite(c.Y)).ToArray();
        _x = new double[located.Length];
        _facts = located;
        for (var i = 0; i < located.Length; i++)
            _x[i] = located[i].Location.X;
        Array.Sort(_x, _facts);
    }

    /// <summary>The estates whose location lies within the square of half-side <paramref name="r"/> around <paramref name="p"/> (borders included).</summary>
    public IEnumerable<EstateFacts> Around(Point p, double r)
    {
        var from = First(p.X - r);
        for (var i = from; i < _x.Length && _x[i] <= p.X + r; i++)
        {
            var y = _facts[i].Location.Y;
            if (y >= p.Y - r && y <= p.Y + r)
                yield return _facts[i];
        }
    }

    /// <summary>Index of the first x not below <paramref name="x"/>.</summary>
    private int First(double x)
    {
        int lo = 0, hi = _x.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_x[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
