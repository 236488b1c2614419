using Territory.Core.Indicators;
using Territory.Core.Messages;
using static Territory.Core.Analysis.FrenchFormat;

namespace Territory.Core.Typology;

/// <summary>Types a territory by scoring the four types of seed 003 from weighted criteria.</summary>
/// <remarks>
/// Each criterion maps an indicator to [0, 1] with a <see cref="Ramp"/>; a type's score is the
/// weighted mean of its criteria. The highest score wins; the runner-up and the score gap
/// (<see cref="TypeDecision.Margin"/>) say how close the decision was. Ties go to the type listed
/// first in <see cref="TieOrder"/> (the more demanding organisation).
/// </remarks>
public static class TypologyClassifier
{
    /// <summary>Below this margin a decision is reported as fragile.</summary>
    public const double FragileMargin = 0.1;

    private static readonly TerritoryType[] TieOrder =
        [TerritoryType.PriorityDistrict, TerritoryType.UrbanCollective, TerritoryType.Isolated, TerritoryType.RuralDiffuse];

    /// <summary>Classifies one territory.</summary>
    /// <param name="indicators">The territory's indicators.</param>
    /// <param name="config">Thresholds and weights.</param>
    /// <param name="isQpvPart">True when the territory is the part of a QPV (adds a note when it is not typed as a priority district).</param>
    public static TypeDecision Classify(TerritoryIndicators indicators, TypologyConfig config, bool isQpvPart = false)
    {
        var c = config.Classification;
        var scores = TerritoryTypes.All.Select(t => Score(t, indicators, c)).ToList();
        var ranked = scores.OrderByDescending(s => Math.Round(s.Score, 9))
            .ThenBy(s => Array.IndexOf(TieOrder, s.Type)).ToList();
        var win = ranked[0];
        var second = ranked[1];
        var top = win.Criteria.OrderByDescending(k => k.Contribution).First();
        var rule = $"Score le plus élevé : « {win.Type.Label()} » {Num(win.Score, 2)} contre « {second.Type.Label()} » "
                 + $"{Num(second.Score, 2)} (écart {Num(win.Score - second.Score, 2)}) ; critère principal : {top.Label}.";

        var notes = new List<string>();
        if (win.Score - second.Score < FragileMargin)
            notes.Add($"Classement fragile : écart inférieur à {Num(FragileMargin, 2)} avec « {second.Type.Label()} », à confirmer sur le terrain.");
        if (indicators.DensityLevel is null)
            notes.Add("Niveau de densité inconnu (ni grille INSEE ni population/superficie) : critères de densité neutres.");
        else if (indicators.DensityEstimated)
            notes.Add($"Niveau de densité {indicators.DensityLevel} estimé à partir de la population et de la superficie (grille INSEE absente).");
        if (indicators.CollectiveShare is null)
            notes.Add("Type de construction (collectif/individuel) inconnu : critères correspondants neutres.");
        if (isQpvPart && win.Type != TerritoryType.PriorityDistrict)
            notes.Add($"Part de QPV de {indicators.QpvDwellings} logements, trop petite pour une organisation de « grand quartier » "
                    + $"(masse pleine à {Num(c.QpvDwellings.To, 0)} logements) : classée « {win.Type.Label()} », "
                    + "mais la présence se raisonne avec le quartier (gestion urbaine de proximité, coordination inter-bailleurs).");
        return new TypeDecision(win.Type, second.Type, win.Score, second.Score, scores, rule, notes);
    }

    private static TypeScore Score(TerritoryType type, TerritoryIndicators i, ClassificationSettings c)
    {
        var unknown = c.UnknownScore;
        var items = new List<(string Name, string Label, double? Value, double Score)>();
        switch (type)
        {
            case TerritoryType.PriorityDistrict:
                items.Add(("qpv_share", $"part des logements en QPV {Pct(i.QpvShare)} ({R(c.QpvShare, true)})", i.QpvShare, c.QpvShare.Score(i.QpvShare)));
                if (i.DistrictDwellings is { } stock && stock > i.QpvDwellings)
                    items.Add(("qpv_dwellings", Catalogue.Text(Lang.Fr, "criterion_district_stock", ("stock", stock), ("part", i.QpvDwellings),
                        ("from", c.QpvDwellings.From), ("to", c.QpvDwellings.To)), stock, c.QpvDwellings.Score(stock)));
                else
                    items.Add(("qpv_dwellings", $"logements en QPV {i.QpvDwellings} ({R(c.QpvDwellings)})", i.QpvDwellings, c.QpvDwellings.Score(i.QpvDwellings)));
                if (i.DistrictPopulation is { } population)
                    items.Add(("district_population", Catalogue.Text(Lang.Fr, "criterion_district_population", ("population", population),
                        ("from", c.DistrictPopulation.From), ("to", c.DistrictPopulation.To)), population, c.DistrictPopulation.Score(population)));
                break;
            case TerritoryType.UrbanCollective:
                items.Add(Collective("collective_share", "part de collectif", i.CollectiveShare, c.CollectiveShare, unknown));
                items.Add(Density("urban_density", "densité urbaine", i.DensityLevel, c.UrbanDensity, unknown));
                items.Add(("nearby_landlord_dwellings", $"logements du bailleur à proximité {Num(i.NearbyLandlordDwellings, 0)} ({R(c.NearbyLandlordDwellings)})",
                    i.NearbyLandlordDwellings, c.NearbyLandlordDwellings.Score(i.NearbyLandlordDwellings)));
                items.Add(("outside_large_qpv", $"hors grand QPV : logements en QPV {i.QpvDwellings} (1 à {Num(c.QpvDwellings.From, 0)}, 0 à {Num(c.QpvDwellings.To, 0)})",
                    i.QpvDwellings, 1 - c.QpvDwellings.Score(i.QpvDwellings)));
                break;
            case TerritoryType.Isolated:
                items.Add(("few_landlord_dwellings_nearby", $"peu de logements du bailleur à proximité {Num(i.NearbyLandlordDwellings, 0)} (1 à {Num(c.NearbyLandlordDwellings.From, 0)}, 0 à {Num(c.NearbyLandlordDwellings.To, 0)})",
                    i.NearbyLandlordDwellings, 1 - c.NearbyLandlordDwellings.Score(i.NearbyLandlordDwellings)));
                items.Add(Town(i.DensityLevel, c, unknown));
                items.Add(("grouped_estates", $"logements par programme {Num(i.DwellingsPerEstate, 1)} ({R(c.DwellingsPerEstate)})",
                    i.DwellingsPerEstate, c.DwellingsPerEstate.Score(i.DwellingsPerEstate)));
                items.Add(("outside_qpv", $"hors QPV : part des logements en QPV {Pct(i.QpvShare)} (1 à {Pct(c.QpvShare.From)}, 0 à {Pct(c.QpvShare.To)})",
                    i.QpvShare, 1 - c.QpvShare.Score(i.QpvShare)));
                break;
            default:
                items.Add(Density("rural_density", "densité rurale", i.DensityLevel, c.RuralDensity, unknown));
                items.Add(("small_estates", $"petits programmes : {Num(i.DwellingsPerEstate, 1)} logements par programme (1 à {Num(c.DwellingsPerEstate.From, 0)}, 0 à {Num(c.DwellingsPerEstate.To, 0)})",
                    i.DwellingsPerEstate, 1 - c.DwellingsPerEstate.Score(i.DwellingsPerEstate)));
                items.Add(Collective("individual_housing", "habitat individuel, part de collectif", i.CollectiveShare, c.IndividualHousing, unknown));
                break;
        }
        var weights = items.Select(x => Math.Max(0, c.Weight(type, x.Name))).ToList();
        var total = weights.Sum();
        var criteria = items.Select((x, k) => new CriterionTrace(x.Name, x.Label, x.Value, x.Score,
            total > 0 ? weights[k] / total : 1.0 / items.Count)).ToList();
        return new TypeScore(type, criteria.Sum(k => k.Contribution), criteria);
    }

    private static (string, string, double?, double) Collective(string name, string label, double? share, Ramp ramp, double unknown) =>
        share is { } s
            ? (name, $"{label} {Pct(s)} ({R(ramp, true)})", s, ramp.Score(s))
            : (name, $"{label} inconnue", null, unknown);

    private static (string, string, double?, double) Density(string name, string label, int? level, Ramp ramp, double unknown) =>
        level is { } l
            ? (name, $"{label} : niveau INSEE {l} « {CommuneDensity.LabelOf(l)} » ({R(ramp)})", l, ramp.Score(l))
            : (name, $"{label} : niveau inconnu", null, unknown);

    private static (string, string, double?, double) Town(int? level, ClassificationSettings c, double unknown)
    {
        if (level is not { } l)
            return ("town_density", "petite ville ou bourg : niveau inconnu", null, unknown);
        var score = l >= c.TownDensityMin && l <= c.TownDensityMax ? 1
            : l == c.TownDensityMin - 1 || l == c.TownDensityMax + 1 ? 0.5 : 0;
        return ("town_density", $"petite ville ou bourg : niveau INSEE {l} « {CommuneDensity.LabelOf(l)} » (1 de {c.TownDensityMin} à {c.TownDensityMax})", l, score);
    }

    private static string R(Ramp r, bool percent = false) => percent
        ? $"0 à {Pct(r.From)}, 1 à {Pct(r.To)}"
        : $"0 à {Num(r.From, 1)}, 1 à {Num(r.To, 1)}";
}
