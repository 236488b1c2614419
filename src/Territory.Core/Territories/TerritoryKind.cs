namespace Territory.Core.Territories;

/// <summary>What a territory's perimeter is.</summary>
public enum TerritoryKind
{
    /// <summary>A commune, minus the QPV parts split out of it.</summary>
    Commune,
    /// <summary>The part of a QPV inside one commune.</summary>
    QpvPart,
    /// <summary>A user sector polygon.</summary>
    Sector,
    /// <summary>An agency catchment (hull of the estates it serves).</summary>
    AgencyCatchment,
    /// <summary>Estates that fall in no commune or no sector.</summary>
    Unassigned,
}
