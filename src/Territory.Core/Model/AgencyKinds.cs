namespace Territory.Core.Model;

/// <summary>Stable codes and French/English labels of <see cref="AgencyKind"/> (files, API, map, report).</summary>
public static class AgencyKinds
{
    /// <summary>All kinds, from the head office to the mobile-agency stop.</summary>
    public static IReadOnlyList<AgencyKind> All { get; } = Enum.GetValues<AgencyKind>();

    /// <summary>Stable code stored in the project (<c>lieu_relais</c>…).</summary>
    public static string Code(this AgencyKind kind) => kind switch
    {
        AgencyKind.Siege => "siege",
        AgencyKind.Agence => "agence",
        AgencyKind.Antenne => "antenne",
        AgencyKind.BureauProximite => "bureau_proximite",
        AgencyKind.Loge => "loge",
        AgencyKind.LieuRelais => "lieu_relais",
        AgencyKind.ArretAgenceMobile => "arret_agence_mobile",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>French label users see.</summary>
    public static string Label(this AgencyKind kind) => kind switch
    {
        AgencyKind.Siege => "Siège",
        AgencyKind.Agence => "Agence",
        AgencyKind.Antenne => "Antenne",
        AgencyKind.BureauProximite => "Bureau de proximité",
        AgencyKind.Loge => "Loge",
        AgencyKind.LieuRelais => "Lieu relais",
        AgencyKind.ArretAgenceMobile => "Arrêt d'agence mobile",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>English label (the map's English switch).</summary>
    public static string LabelEn(this AgencyKind kind) => kind switch
    {
        AgencyKind.Siege => "Head office",
        AgencyKind.Agence => "Agency",
        AgencyKind.Antenne => "Branch",
        AgencyKind.BureauProximite => "Local office",
        AgencyKind.Loge => "Caretaker's lodge",
        AgencyKind.LieuRelais => "Relay place",
        AgencyKind.ArretAgenceMobile => "Mobile agency stop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Kind from its code; false for an unknown code.</summary>
    public static bool TryParse(string? code, out AgencyKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Code(), code, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = AgencyKind.Agence;
        return false;
    }
}
