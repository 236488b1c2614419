namespace Territory.Core.Typology;

/// <summary>Parameters of the caretaking obligation check (section <c>caretaking</c>).</summary>
/// <remarks>
/// Defaults follow the rule's text (Code de la construction et de l'habitation, former article R127-1:
/// 100 dwellings; a commune over 25,000 inhabitants, or in an urban area of a single piece of at least
/// 50,000 inhabitants with a commune over 15,000; former R127-2: one full-time equivalent per 100 dwellings).
/// </remarks>
public sealed class CaretakingSettings
{
    /// <summary>Two collective estates of one landlord closer than this (metres) belong to one ensemble (single linkage).</summary>
    public double EnsembleLinkMeters { get; init; } = 150;
    /// <summary>Collective dwellings from which an ensemble is subject to the rule.</summary>
    public int MinDwellings { get; init; } = 100;
    /// <summary>Commune population above which the rule applies outside QPV.</summary>
    public int MinCommunePopulation { get; init; } = 25_000;
    /// <summary>Population from which the urban area a commune belongs to brings it under the rule.</summary>
    public int MinUrbanAreaPopulation { get; init; } = 50_000;
    /// <summary>The urban area must hold a commune above this population.</summary>
    public int MinUrbanAreaCommunePopulation { get; init; } = 15_000;
    /// <summary>Dwellings per required full-time equivalent.</summary>
    public double DwellingsPerFte { get; init; } = 100;
    /// <summary>Lodges (agencies of kind Loge) within this distance (metres) of an estate of their landlord count as its site staff.</summary>
    public double LodgeRadiusMeters { get; init; } = 300;
}
