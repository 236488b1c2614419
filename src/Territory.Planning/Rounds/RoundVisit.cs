namespace Territory.Planning.Rounds;

/// <summary>A stop of a day, with its times in minutes from the start of the day.</summary>
/// <param name="StopId">Stop id.</param>
/// <param name="ArriveMinutes">Arrival, minutes from leaving the base.</param>
/// <param name="DepartMinutes">Departure (arrival + stop time), minutes.</param>
/// <param name="DriveMinutes">Driving from the previous place (base or stop), minutes.</param>
public sealed record RoundVisit(string StopId, double ArriveMinutes, double DepartMinutes, double DriveMinutes);
