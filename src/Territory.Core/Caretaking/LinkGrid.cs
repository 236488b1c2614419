using NetTopologySuite.Geometries;

namespace Territory.Core.Caretaking;

/// <summary>
/// Envelopes filed in square cells one link wide: the items that may lie within a link of an item are those filed in the
/// cells its envelope meets and in their neighbours.
/// </summary>
/// <remarks>Read-only once built (queries from several threads). An empty or non-finite envelope is filed nowhere and meets nothing.</remarks>
internal sealed class LinkGrid
{
    private readonly IReadOnlyList<Envelope> _envelopes;
    private readonly double _cell;
    private readonly Dictionary<(long X, long Y), List<int>> _cells = [];

    public LinkGrid(IReadOnlyList<Envelope> envelopes, double link)
    {
        _envelopes = envelopes;
        _cell = Math.Max(link, 1);
        for (var i = 0; i < envelopes.Count; i++)
        {
            if (Cells(envelopes[i], 0) is not { } r)
                continue;
            for (var x = r.X0; x <= r.X1; x++)
                for (var y = r.Y0; y <= r.Y1; y++)
                {
                    if (!_cells.TryGetValue((x, y), out var list))
                        _cells[(x, y)] = list = [];
                    list.Add(i);
                }
        }
    }

    /// <summary>Items filed in the cells within one cell of item <paramref name="i"/>'s (an item may come more than once, itself included).</summary>
    public IEnumerable<int> Near(int i)
    {
        if (Cells(_envelopes[i], 1) is not { } r)
            yield break;
        for (var x = r.X0; x <= r.X1; x++)
            for (var y = r.Y0; y <= r.Y1; y++)
                if (_cells.TryGetValue((x, y), out var list))
                    foreach (var j in list)
                        yield return j;
    }

    private (long X0, long X1, long Y0, long Y1)? Cells(Envelope e, int around)
    {
        if (e.IsNull || !double.IsFinite(e.MinX) || !double.IsFinite(e.MaxX) || !double.IsFinite(e.MinY) || !double.IsFinite(e.MaxY))
            return null;
        return ((long)Math.Floor(e.MinX / _cell) - around, (long)Math.Floor(e.MaxX / _cell) + around,
            (long)Math.Floor(e.MinY / _cell) - around, (long)Math.Floor(e.MaxY / _cell) + around);
    }
}
