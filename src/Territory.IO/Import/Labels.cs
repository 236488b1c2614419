using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Reads the French labels of agency kinds, accueil modes and housing kinds.</summary>
internal static class Labels
{
    /// <summary>Agency kind from a label (« agence », « antenne », « loge », « lieu relais »…).</summary>
    /// <returns>Null when the label is not recognised.</returns>
    public static AgencyKind? AgencyKindOf(string label)
    {
        var l = ColumnNames.Normalize(label);
        if (l.Contains("mobile", StringComparison.Ordinal) || l.Contains("itinerant", StringComparison.Ordinal))
            return AgencyKind.ArretAgenceMobile;
        if (l.Contains("siege", StringComparison.Ordinal))
            return AgencyKind.Siege;
        if (l.Contains("bureau", StringComparison.Ordinal) || l.Contains("proximite", StringComparison.Ordinal))
            return AgencyKind.BureauProximite;
        if (l.Contains("antenne", StringComparison.Ordinal))
            return AgencyKind.Antenne;
        if (l.Contains("loge", StringComparison.Ordinal) || l.Contains("gardien", StringComparison.Ordinal))
            return AgencyKind.Loge;
        if (l.Contains("relais", StringComparison.Ordinal))
            return AgencyKind.LieuRelais;
        if (l.Contains("agence", StringComparison.Ordinal) || l == "agency")
            return AgencyKind.Agence;
        return Enum.TryParse<AgencyKind>(label, ignoreCase: true, out var k) ? k : null;
    }

    /// <summary>Accueil modes from a list such as « permanence physique, sur rendez-vous ».</summary>
    public static AccueilModes AccueilOf(string label)
    {
        var l = ColumnNames.Normalize(label);
        var m = AccueilModes.None;
        if (l.Contains("physique", StringComparison.Ordinal))
            m |= AccueilModes.PermanencePhysique;
        if (l.Contains("rendez", StringComparison.Ordinal) || l.Contains("rdv", StringComparison.Ordinal))
            m |= AccueilModes.SurRendezVous;
        if (l.Contains("pied", StringComparison.Ordinal))
            m |= AccueilModes.PiedImmeuble;
        return m;
    }

    /// <summary>Housing kind from RPLS TYPECONST (C/I/E) or a word (collectif, individuel, étudiant, oui/non for a « collectif » column).</summary>
    public static HousingKind HousingOf(string label)
    {
        var l = ColumnNames.Normalize(label);
        return l switch
        {
            "c" or "1" or "oui" or "true" or "o" => HousingKind.Collective,
            "i" or "0" or "non" or "false" or "n" => HousingKind.Individual,
            "e" => HousingKind.Student,
            _ when l.StartsWith("coll", StringComparison.Ordinal) => HousingKind.Collective,
            _ when l.StartsWith("ind", StringComparison.Ordinal) => HousingKind.Individual,
            _ when l.StartsWith("etud", StringComparison.Ordinal) || l.StartsWith("stud", StringComparison.Ordinal) => HousingKind.Student,
            _ => HousingKind.Unknown,
        };
    }
}
