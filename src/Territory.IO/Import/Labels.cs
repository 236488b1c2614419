using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Reads the French labels of agency kinds, accueil modes and housing kinds.</summary>
internal static class Labels
{
    // The words a landlord's file uses for its presence points, compared whole (after
    // ColumnNames.Normalize): a label only containing one of them (« FS itinérante », « antenne
    // France Services ») is not a confident match.
    private static readonly Dictionary<string, AgencyKind> KindWords = new(StringComparer.Ordinal)
    {
        ["siege"] = AgencyKind.Siege, ["siege_social"] = AgencyKind.Siege, ["direction"] = AgencyKind.Siege, ["head_office"] = AgencyKind.Siege,
        ["agence"] = AgencyKind.Agence, ["agence_de_gestion"] = AgencyKind.Agence, ["agence_locale"] = AgencyKind.Agence, ["agency"] = AgencyKind.Agence,
        ["antenne"] = AgencyKind.Antenne, ["antenne_de_gestion"] = AgencyKind.Antenne, ["branch"] = AgencyKind.Antenne,
        ["bureau_proximite"] = AgencyKind.BureauProximite, ["bureau_de_proximite"] = AgencyKind.BureauProximite, ["bureau"] = AgencyKind.BureauProximite,
        ["local_office"] = AgencyKind.BureauProximite,
        ["loge"] = AgencyKind.Loge, ["loge_de_gardien"] = AgencyKind.Loge, ["loge_gardien"] = AgencyKind.Loge, ["gardien"] = AgencyKind.Loge,
        ["lodge"] = AgencyKind.Loge,
        ["lieu_relais"] = AgencyKind.LieuRelais, ["relais"] = AgencyKind.LieuRelais, ["point_relais"] = AgencyKind.LieuRelais, ["relay_place"] = AgencyKind.LieuRelais,
        ["arret_agence_mobile"] = AgencyKind.ArretAgenceMobile, ["arret_d_agence_mobile"] = AgencyKind.ArretAgenceMobile,
        ["agence_mobile"] = AgencyKind.ArretAgenceMobile, ["mobile_agency_stop"] = AgencyKind.ArretAgenceMobile,
    };

    /// <summary>Agency kind from a label that names one exactly (« agence », « Antenne », « lieu relais », a stable code).</summary>
    /// <returns>Null when the label is not one of the known words.</returns>
    public static AgencyKind? AgencyKindOf(string label)
    {
        var l = ColumnNames.Normalize(label);
        return KindWords.TryGetValue(l, out var k) ? k : AgencyKinds.TryParse(l, out var byCode) ? byCode : null;
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
