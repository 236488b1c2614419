namespace Territory.Planning.Service;

/// <summary>The mobile agency's planned week as users see it: days with ordered stops and times, and what could not fit.</summary>
/// <remarks>
/// Times are minutes from leaving the base, and clock times (« HH:MM ») read from <see cref="DayStart"/>.
/// <see cref="Estimated"/>: straight-line times (no road graph), every output says so.
/// </remarks>
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
    /// <summary>When the vehicle leaves the base each day, « HH:MM ».</summary>
    public required string DayStart { get; init; }
    public required bool Estimated { get; init; }
    /// <summary>True when every leg follows the roads (false under the straight-line fallback or when a leg could not be routed).</summary>
    public required bool LegsOnRoads { get; init; }
    public required double Seconds { get; init; }
}

/// <summary>One working day: its stops in visiting order, driving and working minutes, clock times of leaving and coming back, and its legs.</summary>
/// <param name="Week">Week of the horizon, 1 or 2.</param>
/// <param name="Day">Day of the week, 1 = first working day.</param>
/// <param name="Stops">Stops in visiting order.</param>
/// <param name="DriveMinutes">Driving that day, base to base, minutes.</param>
/// <param name="WorkMinutes">Length of the day, driving and stops, minutes.</param>
/// <param name="Start">Leaving the base, « HH:MM ».</param>
/// <param name="End">Back at the base, « HH:MM » (the start when the day has no stop).</param>
/// <param name="Legs">Base → first stop → … → base; empty for a day without stop.</param>
public sealed record RoundResultDay(int Week, int Day, IReadOnlyList<RoundResultStop> Stops, double DriveMinutes, double WorkMinutes,
    string Start, string End, IReadOnlyList<RoundLeg> Legs);

/// <summary>
/// A stop of a day with its position (WGS84), times (minutes from leaving the base, and clock times « HH:MM ») and how often it is visited
/// (<c>weekly</c> or <c>fortnightly</c>).
/// </summary>
public sealed record RoundResultStop(string Id, string? Name, double Lon, double Lat, double ArriveMinutes, double DepartMinutes, double DriveMinutes,
    string Arrive, string Depart, string Frequency);

/// <summary>A stop left out and why: <c>unreachable</c>, <c>longer_than_a_day</c> or <c>no_room</c>.</summary>
public sealed record RoundUnplanned(string Id, string? Name, string Reason);
