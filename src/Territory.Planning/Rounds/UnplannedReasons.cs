namespace Territory.Planning.Rounds;

/// <summary>Codes of <see cref="UnplannedStop.Reason"/>.</summary>
public static class UnplannedReasons
{
    /// <summary>No road between the base and the stop (not snapped, or no path either way).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Going there, stopping and coming back alone exceeds the working day.</summary>
    public const string LongerThanADay = "longer_than_a_day";

    /// <summary>Possible alone, but the days are full.</summary>
    public const string NoRoom = "no_room";
}
