namespace Territory.Planning.Service;

/// <summary>The mobile agency's planned week as users see it: days with ordered stops and times, and what could not fit.</summary>
/// <remarks>Times are minutes from leaving the base. <see cref="Estimated"/>: straight-line times (no road graph), every output says so.</remarks>
public sealed record RoundResult
{
    public required string BaseId { get; init; }
    public string? BaseName { get; init; }
    public required double BaseLon { get; init; }
    public required double BaseLat { get; init; }
    /// <summary>1, or 2 when a stop is visited every other week.</summary>
    public required int Weeks { get; init; }
    public required IReadOnlyList<RoundResultDay> Days { get; init; }
    public required IReadOnlyList<RoundUnplanned> Unplanned { get; init; }
    /// <summary>Driving over the whole horizon, minutes.</summary>
    public required double DriveMinutesTotal { get; init; }
    /// <summary>Driving per week, hours (the horizon's total divided by its weeks).</summary>
    public double WeeklyDriveHours => Weeks == 0 ? 0 : DriveMinutesTotal / 60 / Weeks;
    public required int StopMinutes { get; init; }
    public required double DayHours { get; init; }
    public required bool Estimated { get; init; }
    public required double Seconds { get; init; }
}

/// <summary>One working day: its stops in visiting order, driving and working minutes.</summary>
public sealed record RoundResultDay(int Week, int Day, IReadOnlyList<RoundResultStop> Stops, double DriveMinutes, double WorkMinutes);

/// <summary>A stop of a day with its position (WGS84) and times (minutes from leaving the base).</summary>
public sealed record RoundResultStop(string Id, string? Name, double Lon, double Lat, double ArriveMinutes, double DepartMinutes, double DriveMinutes);

/// <summary>A stop left out and why: <c>unreachable</c>, <c>longer_than_a_day</c> or <c>no_room</c>.</summary>
public sealed record RoundUnplanned(string Id, string? Name, string Reason);
