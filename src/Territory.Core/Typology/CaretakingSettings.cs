namespace Territory.Core.Typology;

/// <summary>Parameters of the caretaking obligation check (section <c>caretaking</c>).</summary>
/// <remarks>Defaults follow the rule's text (100 dwellings, 25,000 inhabitants, 1 FTE per 100 dwellings).</remarks>
public sealed class CaretakingSettings
{
    /// <summary>Two collective estates of one landlord closer than this (metres) belong to one ensemble (single linkage).</summary>
    public double EnsembleLinkMeters { get; init; } = 150;
    /// <summary>Collective dwellings from which an ensemble is subject to the rule.</summary>
    public int MinDwellings { get; init; } = 100;
    /// <summary>Commune population above which the rule applies outside QPV.</summary>
    public int MinCommunePopulation { get; init; } = 25_000;
    /// <summary>Dwellings per required full-time equivalent.</summary>
    public double DwellingsPerFte { get; init; } = 100;
    /// <summary>Lodges (agencies of kind Loge) within this distance (metres) of an ensemble count as its site staff.</summary>
    public double LodgeRadiusMeters { get; init; } = 300;
}
