namespace Territory.Planning.Rounds;

/// <summary>The planned week (or fortnight): each day's stops in order with times, and the stops that could not be planned.</summary>
/// <remarks>
/// With at least one fortnightly stop the horizon is two weeks (week 1 = A, week 2 = B): each
/// weekly stop is visited once in each week, each fortnightly stop once in the two. Times are
/// minutes from the start of the day (leaving the base).
/// </remarks>
public sealed record RoundPlan
{
    /// <summary>Weeks planned: 1, or 2 when a stop is fortnightly.</summary>
    public required int Weeks { get; init; }
    /// <summary>Every working day of the horizon, in order (empty days included).</summary>
    public required IReadOnlyList<RoundDay> Days { get; init; }
    public required IReadOnlyList<UnplannedStop> Unplanned { get; init; }
    /// <summary>Driving over the whole horizon, minutes.</summary>
    public required double DriveMinutesTotal { get; init; }
    /// <summary>True when travel times are straight-line estimates: outputs must say so.</summary>
    public required bool Estimated { get; init; }
    /// <summary>Wall-clock time of the solve, seconds.</summary>
    public required double Seconds { get; init; }
}
