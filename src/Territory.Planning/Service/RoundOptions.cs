using Territory.Planning.Rounds;

namespace Territory.Planning.Service;

/// <summary>What a user asks of the mobile agency's week (<c>plan rounds</c>, the map's rounds panel).</summary>
public sealed record RoundOptions
{
    /// <summary>Id of the presence point the vehicle leaves from and returns to each day.</summary>
    public required string BaseId { get; init; }

    /// <summary>The stops (working CRS); see <see cref="RoundStops"/> to take them from ids, a scenario or a site plan.</summary>
    public required IReadOnlyList<RoundStop> Stops { get; init; }

    /// <summary>Working days a week.</summary>
    public int Days { get; init; } = 5;

    /// <summary>Longest working day, driving and stops included, hours.</summary>
    public double DayHours { get; init; } = 7;

    /// <summary>When the vehicle leaves the base each day (08:30 by default): every time of the result is read from it.</summary>
    public TimeOnly DayStart { get; init; } = RoundClock.DefaultStart;

    /// <summary>Weight of the longest day against total driving (see <see cref="RoundRequest.BalanceWeight"/>).</summary>
    public double BalanceWeight { get; init; } = 0.5;

    /// <summary>Search time of the routing solver, seconds.</summary>
    public double TimeLimitSeconds { get; init; } = 10;
}
