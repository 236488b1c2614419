namespace Territory.Core.Territories;

/// <summary>Stable codes and French labels of <see cref="TerritoryKind"/>.</summary>
public static class TerritoryKinds
{
    /// <summary>Code used in exports (<c>commune</c>, <c>qpv</c>, <c>secteur</c>, <c>zone_agence</c>, <c>non_rattache</c>).</summary>
    public static string Code(this TerritoryKind kind) => kind switch
    {
        TerritoryKind.Commune => "commune",
        TerritoryKind.QpvPart => "qpv",
        TerritoryKind.Sector => "secteur",
        TerritoryKind.AgencyCatchment => "zone_agence",
        _ => "non_rattache",
    };

    /// <summary>French label shown in the report.</summary>
    public static string Label(this TerritoryKind kind) => kind switch
    {
        TerritoryKind.Commune => "Commune (hors parties en QPV)",
        TerritoryKind.QpvPart => "Partie d'un quartier prioritaire",
        TerritoryKind.Sector => "Secteur",
        TerritoryKind.AgencyCatchment => "Zone desservie par l'agence",
        _ => "Programmes non rattachés",
    };
}
