namespace Territory.Core.Typology;

/// <summary>Context thresholds of the presence recommendations (section <c>presence</c>).</summary>
public sealed class PresenceSettings
{
    /// <summary>Beyond this dwelling-weighted mean travel time (minutes) from the agency, recommend relay places.</summary>
    public double FarFromAgencyMinutes { get; init; } = 30;
    /// <summary>From this number of landlords in one QPV, recommend inter-landlord coordination.</summary>
    public int InterLandlordMinLandlords { get; init; } = 2;
    /// <summary>From this number of dwellings in a QPV without any office inside, recommend one in the district.</summary>
    public int LargeQpvDwellings { get; init; } = 500;
}
