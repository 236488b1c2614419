namespace Territory.Core.Indicators;

/// <summary>A static 2-d tree over weighted points in flat arrays: disk sums and nearest neighbours.</summary>
/// <remarks>
/// Coordinates in metres (a projected working CRS). Each node is the middle of an index range
/// split at its median on the wider side of the range's box; it stores that range's bounding box and weight
/// sum, so a disk query adds whole subtrees that lie inside the disk and skips those outside:
/// O(log N + boundary) per query instead of visiting every neighbour. Distances are computed as
/// <c>Math.Sqrt(dx * dx + dy * dy)</c> with <c>dx = other − query</c>, exactly as NTS's
/// <c>Coordinate.Distance</c>, so results equal a brute-force scan to the last bit; box tests
/// keep a relative margin so a rounding difference can never drop or add a point.
/// </remarks>
internal sealed class WeightedPointTree
{
    private const int LeafSize = 8;
    private const double Margin = 1e-9;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly int[] _weight;
    private readonly int[] _item;
    private readonly double[] _minX;
    private readonly double[] _minY;
    private readonly double[] _maxX;
    private readonly double[] _maxY;
    private readonly long[] _sum;

    /// <summary>Builds the tree; <paramref name="item"/> identifies each point in queries (e.g. its index in the caller's list).</summary>
    public WeightedPointTree(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<int> weight, ReadOnlySpan<int> item)
    {
        int n = x.Length;
        _x = x.ToArray(); _y = y.ToArray(); _weight = weight.ToArray(); _item = item.ToArray();
        _minX = new double[n]; _minY = new double[n]; _maxX = new double[n]; _maxY = new double[n]; _sum = new long[n];
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = new double[n];
        Build(order, keys, 0, n);
        // Lay the points out in tree order so queries read them sequentially.
        var (ox, oy, ow, oi) = (_x, _y, _weight, _item);
        _x = new double[n]; _y = new double[n]; _weight = new int[n]; _item = new int[n];
        for (int i = 0; i < n; i++) { int k = order[i]; _x[i] = ox[k]; _y[i] = oy[k]; _weight[i] = ow[k]; _item[i] = oi[k]; }
    }

    public int Count => _x.Length;

    private void Build(int[] order, double[] keys, int lo, int hi)
    {
        if (lo >= hi) return;
        int m = (lo + hi) >> 1;
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        long sum = 0;
        for (int i = lo; i < hi; i++)
        {
            int k = order[i];
            minX = Math.Min(minX, _x[k]); maxX = Math.Max(maxX, _x[k]);
            minY = Math.Min(minY, _y[k]); maxY = Math.Max(maxY, _y[k]);
            sum += _weight[k];
        }
        (_minX[m], _minY[m], _maxX[m], _maxY[m], _sum[m]) = (minX, minY, maxX, maxY, sum);
        if (hi - lo <= LeafSize) return;
        var coordinate = maxX - minX >= maxY - minY ? _x : _y;
        for (int i = lo; i < hi; i++) keys[i] = coordinate[order[i]];
        // Only the middle must be in place (smaller keys before it, larger after): a selection, not a sort, per level.
        Select(keys, order, lo, hi - 1, m);
        Build(order, keys, lo, m);
        Build(order, keys, m + 1, hi);
    }

    /// <summary>Moves the pairs of [<paramref name="lo"/>, <paramref name="hi"/>] so that the <paramref name="k"/>-th smallest key
    /// is at <paramref name="k"/>, no larger key before it and no smaller after it (Hoare's selection, median of three).</summary>
    private static void Select(double[] keys, int[] order, int lo, int hi, int k)
    {
        while (hi - lo > 16)
        {
            int mid = (lo + hi) >> 1;
            if (keys[mid] < keys[lo]) Swap(keys, order, mid, lo);
            if (keys[hi] < keys[lo]) Swap(keys, order, hi, lo);
            if (keys[hi] < keys[mid]) Swap(keys, order, hi, mid);
            double pivot = keys[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i <= j) Swap(keys, order, i++, j--);
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
        keys.AsSpan(lo, hi - lo + 1).Sort(order.AsSpan(lo, hi - lo + 1));
    }

    private static void Swap(double[] keys, int[] order, int a, int b)
    {
        (keys[a], keys[b]) = (keys[b], keys[a]);
        (order[a], order[b]) = (order[b], order[a]);
    }

    /// <summary>Sum of the weights of the points within <paramref name="radius"/> (inclusive) of (x, y).</summary>
    public long SumWithin(double x, double y, double radius) => Sum(0, Count, x, y, radius);

    private long Sum(int lo, int hi, double x, double y, double radius)
    {
        // Squared bounds with the margin: a box or point clearly in or out is decided without a square root; only a point
        // within the margin of the circle is measured as NTS measures it.
        double outer = radius * (1 + Margin), inner = radius * (1 - Margin);
        return Sum(lo, hi, x, y, radius, outer * outer, inner * inner);
    }

    private long Sum(int lo, int hi, double x, double y, double radius, double outer2, double inner2)
    {
        if (lo >= hi) return 0;
        int m = (lo + hi) >> 1;
        if (BoxDistance2(m, x, y) > outer2) return 0;
        double fx = Math.Max(Math.Abs(_minX[m] - x), Math.Abs(_maxX[m] - x)), fy = Math.Max(Math.Abs(_minY[m] - y), Math.Abs(_maxY[m] - y));
        if (fx * fx + fy * fy <= inner2) return _sum[m];
        if (hi - lo <= LeafSize)
        {
            long leaf = 0;
            for (int i = lo; i < hi; i++)
                if (Within(i, x, y, radius, outer2, inner2)) leaf += _weight[i];
            return leaf;
        }
        long total = Within(m, x, y, radius, outer2, inner2) ? _weight[m] : 0;
        return total + Sum(lo, m, x, y, radius, outer2, inner2) + Sum(m + 1, hi, x, y, radius, outer2, inner2);
    }

    private bool Within(int i, double x, double y, double radius, double outer2, double inner2)
    {
        double dx = _x[i] - x, dy = _y[i] - y, d2 = dx * dx + dy * dy;
        return d2 <= inner2 || (d2 <= outer2 && Math.Sqrt(d2) <= radius);
    }

    private double BoxDistance2(int m, double x, double y)
    {
        double gx = Math.Max(0, Math.Max(_minX[m] - x, x - _maxX[m]));
        double gy = Math.Max(0, Math.Max(_minY[m] - y, y - _maxY[m]));
        return gx * gx + gy * gy;
    }

    /// <summary>The point at position <paramref name="i"/> of the tree's own order (queries made in that order read memory in sequence).</summary>
    public (double X, double Y, int Weight, int Item) At(int i) => (_x[i], _y[i], _weight[i], _item[i]);

    /// <summary>Distance to the nearest point other than <paramref name="excludedItem"/>, or null when none lies within <paramref name="maxDistance"/>.</summary>
    public double? NearestDistance(double x, double y, int excludedItem, double maxDistance)
    {
        double best = double.PositiveInfinity;
        Nearest(0, Count, x, y, excludedItem, maxDistance, ref best);
        return best <= maxDistance ? best : null;
    }

    private void Nearest(int lo, int hi, double x, double y, int excluded, double maxDistance, ref double best)
    {
        if (lo >= hi) return;
        int m = (lo + hi) >> 1;
        double box = BoxDistance(m, x, y);
        if (box > maxDistance * (1 + Margin) || box > best * (1 + Margin)) return;
        if (hi - lo <= LeafSize)
        {
            for (int i = lo; i < hi; i++)
                if (_item[i] != excluded) best = Math.Min(best, Distance(i, x, y));
            return;
        }
        if (_item[m] != excluded) best = Math.Min(best, Distance(m, x, y));
        int leftMid = (lo + m) >> 1, rightMid = (m + 1 + hi) >> 1;
        bool leftFirst = m + 1 >= hi || (lo < m && BoxDistance(leftMid, x, y) <= BoxDistance(rightMid, x, y));
        if (leftFirst)
        {
            Nearest(lo, m, x, y, excluded, maxDistance, ref best);
            Nearest(m + 1, hi, x, y, excluded, maxDistance, ref best);
        }
        else
        {
            Nearest(m + 1, hi, x, y, excluded, maxDistance, ref best);
            Nearest(lo, m, x, y, excluded, maxDistance, ref best);
        }
    }

    private double Distance(int i, double x, double y)
    {
        double dx = _x[i] - x, dy = _y[i] - y;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private double BoxDistance(int m, double x, double y)
    {
        double gx = Math.Max(0, Math.Max(_minX[m] - x, x - _maxX[m]));
        double gy = Math.Max(0, Math.Max(_minY[m] - y, y - _maxY[m]));
        return Math.Sqrt(gx * gx + gy * gy);
    }
}
