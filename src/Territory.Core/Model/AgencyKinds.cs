using Territory.Core.Messages;

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

    /// <summary>The kind's name as a catalogue message (<c>point_kind_CODE</c>): rendered in the reader's language at the edge.</summary>
    public static Message LabelMessage(this AgencyKind kind) => Message.Of("point_kind_" + kind.Code());

    /// <summary>The kind's name in <paramref name="lang"/>, capitalised as a label (« Lieu relais », « Relay place »).</summary>
    public static string Label(this AgencyKind kind, Lang lang)
    {
        var text = kind.LabelMessage().Render(lang);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The French label (<see cref="Label(AgencyKind, Lang)"/> in French).</summary>
    public static string Label(this AgencyKind kind) => kind.Label(Lang.Fr);

    /// <summary>The English label (<see cref="Label(AgencyKind, Lang)"/> in English).</summary>
    public static string LabelEn(this AgencyKind kind) => kind.Label(Lang.En);

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
