namespace Territory.Core.Typology;

/// <summary>Thresholds and weights of the type scores (section <c>classification</c> of the JSON).</summary>
/// <remarks>The reasoning behind each default is in <c>docs/typologie.md</c>.</remarks>
public sealed class ClassificationSettings
{
    /// <summary>Share of the territory's dwellings in a QPV (0–1).</summary>
    public Ramp QpvShare { get; init; } = new(0.2, 0.6);
    /// <summary>Dwellings in a QPV: the « mass » that makes a large social-housing district.</summary>
    public Ramp QpvDwellings { get; init; } = new(20, 100);
    /// <summary>Share of collective dwellings (0–1), for urban collective residences.</summary>
    public Ramp CollectiveShare { get; init; } = new(0.4, 0.8);
    /// <summary>Share of collective dwellings (0–1), descending: individual housing for rural diffuse stock.</summary>
    public Ramp IndividualHousing { get; init; } = new(0.6, 0.2);
    /// <summary>INSEE density level (1–7), descending: 1 at level 2 or below, 0 at level 5 or above.</summary>
    public Ramp UrbanDensity { get; init; } = new(5, 2);
    /// <summary>INSEE density level (1–7): 0 at level 4 or below, 1 at level 6 or above.</summary>
    public Ramp RuralDensity { get; init; } = new(4, 6);
    /// <summary>Lowest INSEE level counted as a town (score 1 from here to <see cref="TownDensityMax"/>).</summary>
    public int TownDensityMin { get; init; } = 3;
    /// <summary>Highest INSEE level counted as a town; one level outside the range scores 0.5.</summary>
    public int TownDensityMax { get; init; } = 5;
    /// <summary>Landlord dwellings within the isolation radius: a clustered stock scores 1, an isolated one 0.</summary>
    public Ramp NearbyLandlordDwellings { get; init; } = new(50, 300);
    /// <summary>Dwellings per estate: grouped residences score 1, scattered houses 0.</summary>
    public Ramp DwellingsPerEstate { get; init; } = new(5, 20);
    /// <summary>
    /// Municipal population of a QPV (INSEE indicators, when imported): a large district scores 1. The
    /// criterion is left out when the population is unknown.
    /// </summary>
    public Ramp DistrictPopulation { get; init; } = new(1000, 4000);
    /// <summary>Score given to a criterion whose indicator is unknown (e.g. no density level).</summary>
    public double UnknownScore { get; init; } = 0.5;
    /// <summary>
    /// Weight of each criterion per type code; a missing type or criterion keeps its default.
    /// </summary>
    public Dictionary<string, Dictionary<string, double>> Weights { get; init; } = DefaultWeights();

    /// <summary>The default weights; keys are the known type codes and criterion names.</summary>
    public static Dictionary<string, Dictionary<string, double>> DefaultWeights() => new()
    {
        ["priority_district"] = new() { ["qpv_share"] = 0.5, ["qpv_dwellings"] = 0.5, ["district_population"] = 0.25 },
        ["urban_collective"] = new()
        {
            ["collective_share"] = 0.35, ["urban_density"] = 0.3,
            ["nearby_landlord_dwellings"] = 0.15, ["outside_large_qpv"] = 0.2,
        },
        ["isolated"] = new()
        {
            ["few_landlord_dwellings_nearby"] = 0.35, ["town_density"] = 0.25,
            ["grouped_estates"] = 0.2, ["outside_qpv"] = 0.2,
        },
        ["rural_diffuse"] = new() { ["rural_density"] = 0.4, ["small_estates"] = 0.3, ["individual_housing"] = 0.3 },
    };

    internal double Weight(TerritoryType type, string criterion)
    {
        if (Weights.TryGetValue(type.Code(), out var byType) && byType.TryGetValue(criterion, out var w))
            return w;
        return DefaultWeights()[type.Code()][criterion];
    }
}
