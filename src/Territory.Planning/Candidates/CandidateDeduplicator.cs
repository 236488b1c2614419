namespace Territory.Planning.Candidates;

/// <summary>Drops candidates standing within a tolerance of an earlier one (the earlier wins: existing, imported, generated).</summary>
/// <remarks>Grid buckets of the tolerance's size in the working CRS; distances are planar metres.</remarks>
internal static class CandidateDeduplicator
{
    public static CandidateSet Merge(IReadOnlyList<CandidateSite> candidates, double meters)
    {
        if (meters <= 0) return new CandidateSet(candidates, []);
        var cells = new Dictionary<(long, long), List<CandidateSite>>();
        var kept = new List<CandidateSite>();
        var merged = new List<MergedCandidate>();
        foreach (var c in candidates)
        {
            double x = c.Location.X, y = c.Location.Y;
            long cx = (long)Math.Floor(x / meters), cy = (long)Math.Floor(y / meters);
            CandidateSite? twin = null;
            double distance = double.PositiveInfinity;
            for (long i = cx - 1; i <= cx + 1; i++)
                for (long j = cy - 1; j <= cy + 1; j++)
                    if (cells.TryGetValue((i, j), out var list))
                        foreach (var k in list)
                        {
                            double d = Math.Sqrt((k.Location.X - x) * (k.Location.X - x) + (k.Location.Y - y) * (k.Location.Y - y));
                            if (d < meters && d < distance) { twin = k; distance = d; }
                        }
            if (twin is not null) { merged.Add(new MergedCandidate(c.Id, twin.Id, distance)); continue; }
            kept.Add(c);
            if (!cells.TryGetValue((cx, cy), out var cell)) cells[(cx, cy)] = cell = [];
            cell.Add(c);
        }
        return new CandidateSet(kept, merged);
    }
}
