namespace Territory.Core.Indicators;

/// <summary>INSEE density level of a commune, given or estimated.</summary>
/// <param name="Level">1 (grands centres urbains) to 7 (rural à habitat très dispersé), null when unknown.</param>
/// <param name="Estimated">True when computed from population and area, not read from the commune.</param>
public sealed record CommuneDensity(int? Level, bool Estimated)
{
    /// <summary>French label of an INSEE level.</summary>
    public static string LabelOf(int? level) => level switch
    {
        1 => "grands centres urbains",
        2 => "centres urbains intermédiaires",
        3 => "ceintures urbaines",
        4 => "petites villes",
        5 => "bourgs ruraux",
        6 => "rural à habitat dispersé",
        7 => "rural à habitat très dispersé",
        _ => "inconnu",
    };
}
