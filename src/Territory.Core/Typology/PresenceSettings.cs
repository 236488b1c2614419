namespace Territory.Core.Typology;

/// <summary>Rules of the presence plan (section <c>presence</c>): when a form is retained, when it is already there.</summary>
/// <remarks>Travel times are by car from the nearest point of the kind; the reasoning behind each default is in <c>docs/typologie.md</c>.</remarks>
public sealed class PresenceSettings
{
    /// <summary>Beyond this dwelling-weighted mean travel time (minutes) from the nearest agency, antenna or office, a relay place (or mobile-agency stops) is retained.</summary>
    public double FarFromAgencyMinutes { get; init; } = 30;
    /// <summary>From this number of landlords in one QPV (the whole district), inter-landlord coordination is retained.</summary>
    public int InterLandlordMinLandlords { get; init; } = 2;
    /// <summary>From this social stock in a QPV (every landlord loaded, whole district), an antenna or proximity office in the district is retained.</summary>
    public int LargeQpvDwellings { get; init; } = 500;
    /// <summary>A relay place (or an office) within this many minutes serves an estate.</summary>
    public double RelayReachMinutes { get; init; } = 15;
    /// <summary>Below this many dwellings in a rural territory, mobile-agency stops replace a fixed relay place.</summary>
    public int RelayMinDwellings { get; init; } = 20;
    /// <summary>A mobile-agency stop within this many minutes serves an estate.</summary>
    public double MobileStopReachMinutes { get; init; } = 10;
    /// <summary>Share of the territory's dwellings a form must reach to be « présent »; below it (but above 0) it is « à renforcer ».</summary>
    public double CoveredShare { get; init; } = 0.8;
    /// <summary>Caretakers on site (with lodges) from an ensemble of this many collective dwellings (the caretaking rule's threshold).</summary>
    public int LodgeMinDwellings { get; init; } = 100;
    /// <summary>A grouped proximity office from this many collective dwellings in a town territory without lodges.</summary>
    public int GroupedOfficeMinDwellings { get; init; } = 150;
    /// <summary>An agency, antenna or proximity office within this many minutes serves as the grouped or district office.</summary>
    public double OfficeReachMinutes { get; init; } = 10;
    /// <summary>The landlord's own dwellings in a QPV part below which no agency or antenna is retained in it (a part of a few dozen dwellings).</summary>
    public int DistrictPartMinDwellings { get; init; } = 100;
    /// <summary>The landlord's own dwellings in a QPV (whole district) from which an agency in the heart of the district is retained.</summary>
    public int DistrictAgencyDwellings { get; init; } = 1000;
    /// <summary>Construction year before which the stock is said to be old (context statement, from construction years only).</summary>
    public int OldStockBefore { get; init; } = 1975;
    /// <summary>Share of old dwellings from which the territory's stock is said to be old.</summary>
    public double OldStockShare { get; init; } = 0.5;
    /// <summary>QPV poverty rate (percent) from which the district's social difficulties are stated.</summary>
    public double HighPovertyRate { get; init; } = 30;
}
