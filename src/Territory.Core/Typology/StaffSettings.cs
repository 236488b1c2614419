namespace Territory.Core.Typology;

/// <summary>The need model of means against needs (section <c>staff</c>): ratios per type and the working week.</summary>
/// <remarks>
/// Defaults are the product's starting values, to be calibrated on the organisation's own staff: every
/// output shows the observed ratios beside them. Where the caretaking rule applies, its requirement
/// (one FTE per 100 dwellings) is a floor of the site need. See <c>docs/typologie.md</c>.
/// </remarks>
public sealed class StaffSettings
{
    /// <summary>Hours in a full-time working week (converts driving hours into FTE).</summary>
    public double WeeklyHours { get; init; } = 35;
    /// <summary>Ratios per type code; a missing type or value keeps its default.</summary>
    public Dictionary<string, StaffRatio> ByType { get; init; } = DefaultRatios();

    /// <summary>The default ratios, by type code.</summary>
    public static Dictionary<string, StaffRatio> DefaultRatios() => new()
    {
        ["rural_diffuse"] = new() { SiteDwellingsPerFte = 0, ProximityDwellingsPerFte = 250, VisitsPerYear = 12 },
        ["isolated"] = new() { SiteDwellingsPerFte = 200, ProximityDwellingsPerFte = 220, VisitsPerYear = 26 },
        ["urban_collective"] = new() { SiteDwellingsPerFte = 150, ProximityDwellingsPerFte = 200, VisitsPerYear = 52 },
        ["priority_district"] = new() { SiteDwellingsPerFte = 80, ProximityDwellingsPerFte = 150, VisitsPerYear = 104 },
    };

    /// <summary>Collective dwellings per site FTE of a type; 0 when no site staff is expected.</summary>
    public double SiteDwellingsPerFte(TerritoryType type) => Value(type, r => r.SiteDwellingsPerFte);

    /// <summary>Dwellings per proximity FTE of a type.</summary>
    public double ProximityDwellingsPerFte(TerritoryType type) => Value(type, r => r.ProximityDwellingsPerFte);

    /// <summary>Visits a year to each estate of a type.</summary>
    public double VisitsPerYear(TerritoryType type) => Value(type, r => r.VisitsPerYear);

    private double Value(TerritoryType type, Func<StaffRatio, double?> pick) =>
        (ByType is not null && ByType.TryGetValue(type.Code(), out var r) && r is not null ? pick(r) : null)
        ?? pick(DefaultRatios()[type.Code()])!.Value;
}
