namespace Territory.Planning.Rounds;

/// <summary>One working day of the round.</summary>
/// <param name="Week">Week of the horizon, 1 or 2.</param>
/// <param name="Day">Day of the week, 1 = first working day.</param>
/// <param name="Stops">Stops in visiting order.</param>
/// <param name="DriveMinutes">Driving that day, base to base, minutes.</param>
/// <param name="WorkMinutes">Length of the day, driving and stops, minutes (back at the base).</param>
public sealed record RoundDay(int Week, int Day, IReadOnlyList<RoundVisit> Stops, double DriveMinutes, double WorkMinutes);
