namespace Territory.Routing.Algorithms;

/// <summary>One origin–destination cell of a travel-time matrix.</summary>
/// <param name="DurationSeconds">Travel time, seconds; null when unreachable.</param>
/// <param name="DistanceMeters">Length of the fastest path, metres; null when unreachable.</param>
/// <param name="UnreachableReason">Why the cell has no value.</param>
public readonly record struct MatrixCell(double? DurationSeconds, double? DistanceMeters, string? UnreachableReason)
{
    public bool IsReachable => DurationSeconds is not null;
}
