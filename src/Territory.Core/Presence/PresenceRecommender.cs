using Territory.Core.Indicators;
using Territory.Core.Model;
using Territory.Core.Typology;
using static Territory.Core.Analysis.FrenchFormat;

namespace Territory.Core.Presence;

/// <summary>Forms of presence for a territory: the seed's list for its type, adjusted by its context.</summary>
/// <remarks>Form labels follow seed 003 « Quelle proximité ? »; context rules use <see cref="PresenceSettings"/>.</remarks>
public static class PresenceRecommender
{
    /// <summary>Recommendations for one territory.</summary>
    /// <param name="type">The territory's type.</param>
    /// <param name="i">Its indicators.</param>
    /// <param name="isQpvPart">True for a QPV territory (inter-landlord and in-district rules).</param>
    /// <param name="caretakerRequiredFte">Required caretaking FTE in the territory (0 when the rule does not apply).</param>
    /// <param name="config">Thresholds.</param>
    public static IReadOnlyList<PresenceRecommendation> Recommend(
        TerritoryType type, TerritoryIndicators i, bool isQpvPart, double caretakerRequiredFte, TypologyConfig config)
    {
        var p = config.Presence;
        var list = Base(type, i).Select(x => new PresenceRecommendation(x.Form, x.Reason, false)).ToList();

        if (i.MeanTravelMinutes is { } minutes && minutes > p.FarFromAgencyMinutes)
        {
            var how = i.TravelEstimated ? ", estimé à vol d'oiseau" : "";
            Upsert(list, "lieux relais", $"Temps de trajet moyen depuis l'agence de {Num(minutes, 0)} min{how} (> {Num(p.FarFromAgencyMinutes, 0)} min) : "
                + "un lieu relais réduit les déplacements des équipes et des locataires.");
            Upsert(list, "arrêts d'agence mobile", $"Avec {Num(minutes, 0)} min de trajet moyen (maximum {Num(i.MaxTravelMinutes ?? minutes, 0)} min), "
                + $"des arrêts réguliers d'une agence mobile rapprochent l'accueil de ces {i.Dwellings} logements.");
        }
        if (isQpvPart && i.Landlords.Count >= p.InterLandlordMinLandlords)
            Upsert(list, "coordination inter-bailleurs", $"{i.Landlords.Count} bailleurs présents dans le quartier ({string.Join(", ", i.Landlords)}) : "
                + "mutualiser formation, réseau des gardiens et centre de ressources, comme à Vénissieux ou Gennevilliers (seed 001).");
        if (isQpvPart && i.QpvDwellings >= p.LargeQpvDwellings && i.OfficesInside == 0)
            Upsert(list, "agence ou antenne dans le quartier", $"{i.QpvDwellings} logements en QPV (≥ {p.LargeQpvDwellings}) sans agence, antenne ni bureau de proximité "
                + "dans le périmètre : implanter une antenne ou l'agence au cœur du quartier.");
        if (caretakerRequiredFte > 0 && i.SiteAgents + 1e-9 < caretakerRequiredFte)
            Upsert(list, "gardiennage à renforcer", $"Obligation de gardiennage estimée à {Num(caretakerRequiredFte, 2)} ETP pour {Num(i.SiteAgents, 2)} ETP "
                + "de personnel de site rattaché : renforcer la présence de gardiens ou d'employés d'immeuble.");
        return list;
    }

    /// <summary>Recommended accueil-mode mix for a type.</summary>
    public static AccueilMix Accueil(TerritoryType type) => type switch
    {
        TerritoryType.RuralDiffuse => new AccueilMix(AccueilModes.SurRendezVous | AccueilModes.PermanencePhysique,
            "Permanences physiques itinérantes, dans les lieux relais ou aux arrêts de l'agence mobile, plutôt qu'un accueil quotidien.",
            "Accueil principal sur rendez-vous (19 organismes sur 31) : il évite aux locataires des déplacements longs pour rien.",
            "Peu adaptée à un patrimoine diffus : pas de pied d'immeuble à desservir."),
        TerritoryType.Isolated => new AccueilMix(AccueilModes.SurRendezVous | AccueilModes.PermanencePhysique,
            "Dispositif de permanence régulier sur site ou en mairie (seed 003 : « des formes de présence via un dispositif de permanence »).",
            "Rendez-vous pour les démarches de fond (vacance, situations sociales) entre deux passages.",
            "Ponctuelle, pour les résidences collectives où des tensions émergent."),
        TerritoryType.UrbanCollective => new AccueilMix(AccueilModes.PermanencePhysique | AccueilModes.SurRendezVous,
            "Permanence physique au bureau de proximité groupé ou à la loge, le mode le plus répandu (29 organismes sur 31).",
            "Rendez-vous pour un échange plus qualitatif (vie du bail, vieillissement des occupants).",
            "Non prioritaire : le gardien assure le contact quotidien."),
        _ => new AccueilMix(AccueilModes.PermanencePhysique | AccueilModes.SurRendezVous | AccueilModes.PiedImmeuble,
            "Permanence physique à l'agence ou à l'antenne au cœur du quartier (29 organismes sur 31).",
            "Rendez-vous pour les situations complexes, préparés avec les partenaires.",
            "Permanences en pied d'immeuble (7 organismes sur 31) dans les sous-ensembles résidentiels, pour une présence soutenue sur le terrain."),
    };

    private static string Minutes(TerritoryIndicators i) =>
        i.MeanTravelMinutes is { } m ? $"{Num(m, 0)} min{(i.TravelEstimated ? " estimées" : "")}" : "inconnu";

    private static void Upsert(List<PresenceRecommendation> list, string form, string reason)
    {
        var k = list.FindIndex(r => r.Form == form);
        if (k >= 0) list[k] = new PresenceRecommendation(form, reason, true);
        else list.Add(new PresenceRecommendation(form, reason, true));
    }

    private static IEnumerable<(string Form, string Reason)> Base(TerritoryType type, TerritoryIndicators i)
    {
        var stock = $"{i.Dwellings} logements sur {i.Estates} programme{(i.Estates > 1 ? "s" : "")}";
        switch (type)
        {
            case TerritoryType.RuralDiffuse:
                yield return ("contact à distance", $"Implantation diffuse ({stock}, {Num(i.DwellingsPerEstate, 1)} par programme) : la connexion à distance garde un contact régulier.");
                yield return ("présence nomade", $"Des contacts irréguliers sur {stock} appellent une présence nomade qui va vers les locataires fragiles.");
                yield return ("réseau de prestataires", $"Un réseau de prestataires maille le territoire pour l'entretien de {stock} dispersés.");
                yield return ("lieux relais", $"Des lieux relais réduisent les temps de déplacement (trajet moyen {Minutes(i)} depuis l'agence) vers un patrimoine diffus.");
                yield return ("agence mobile", $"Une agence mobile dessert {stock} en zone rurale (niveau de densité {i.DensityLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "inconnu"}) sans implantation fixe.");
                break;
            case TerritoryType.Isolated:
                yield return ("contact à distance", $"Résidences isolées ({Num(i.NearbyLandlordDwellings, 0)} logements du bailleur à proximité) : la connexion à distance assure le suivi courant.");
                yield return ("réseau de prestataires", $"Un réseau de prestataires assure une gestion technique réactive pour {stock} éloignés des équipes.");
                yield return ("présence nomade adaptée sur site", $"Une présence nomade adaptée sur site permet une veille renforcée sur {stock} où des tensions peuvent émerger.");
                yield return ("permanences", $"Un dispositif de permanence donne un rendez-vous régulier aux locataires de {stock} (trajet moyen {Minutes(i)} depuis l'agence).");
                yield return ("locataires relais", $"Avec seulement {Num(i.NearbyLandlordDwellings, 0)} logements du bailleur à proximité, des locataires relais aident à la gestion au quotidien.");
                break;
            case TerritoryType.UrbanCollective:
                var collective = i.CollectiveShare is { } s ? $"{Pct(s)} de collectif" : "collectif";
                yield return ("gardiens polyvalents sur site (avec loges)", $"Résidences collectives en ville ({stock}, {collective}) : des gardiens polyvalents avec loges assurent la qualité sur les fondamentaux.");
                yield return ("bureaux de proximité groupés", $"À défaut de loges par résidence, des bureaux de proximité groupés couvrent {stock}.");
                yield return ("responsable de secteur", $"Un responsable de secteur assure la veille sur {stock} et sur l'occupation sociale (population vieillissante).");
                break;
            default:
                yield return ("gestion renforcée sur site", $"Grand quartier ({i.QpvDwellings} logements en QPV, {Pct(i.QpvShare)} du territoire) : une présence soutenue sur le terrain maintient la qualité du service.");
                yield return ("antenne", $"Une antenne rapproche les équipes des {i.QpvDwellings} logements du quartier ({i.Estates} programmes).");
                yield return ("bureaux de proximité", $"Des bureaux de proximité articulés aux sous-ensembles résidentiels des {i.QpvDwellings} logements en QPV.");
                yield return ("agence au cœur du quartier", $"Avec {i.QpvDwellings} logements en QPV et {i.Landlords.Count} bailleur(s), une agence au cœur du quartier porte la gestion urbaine et sociale avec les partenaires.");
                yield return ("loges regroupées", $"Des loges regroupées ({Num(i.SiteAgents, 1)} ETP de personnel de site aujourd'hui) servent de lieux relais dans les sous-ensembles résidentiels.");
                break;
        }
    }
}
