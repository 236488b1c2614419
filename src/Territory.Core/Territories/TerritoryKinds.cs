using Territory.Core.Messages;

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

    /// <summary>The kind's name as a catalogue message (<c>territory_kind_CODE</c>), rendered at the edge.</summary>
    public static Message Label(this TerritoryKind kind) => Message.Of("territory_kind_" + kind.Code());
}
