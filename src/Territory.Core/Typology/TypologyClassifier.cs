using Territory.Core.Indicators;
using Territory.Core.Messages;

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
        var rule = Message.Of("typology_rule", ("type", TypeLabel(win.Type)), ("score", win.Score), ("second", TypeLabel(second.Type)),
            ("secondScore", second.Score), ("margin", win.Score - second.Score), ("criterion", top.Label));

        var notes = new List<Message>();
        if (win.Score - second.Score < FragileMargin)
            notes.Add(Message.Of("typology_note_fragile", ("margin", FragileMargin), ("second", TypeLabel(second.Type))));
        if (indicators.DensityLevel is null)
            notes.Add(Message.Of("typology_note_density_unknown"));
        else if (indicators.DensityEstimated)
            notes.Add(Message.Of("typology_note_density_estimated", ("level", indicators.DensityLevel.Value)));
        if (indicators.CollectiveShare is null)
            notes.Add(Message.Of("typology_note_construction_unknown"));
        if (isQpvPart && win.Type != TerritoryType.PriorityDistrict)
            notes.Add(Message.Of("typology_note_small_qpv", ("dwellings", indicators.QpvDwellings), ("full", c.QpvDwellings.To), ("type", TypeLabel(win.Type))));
        return new TypeDecision(win.Type, second.Type, win.Score, second.Score, scores, rule, notes);
    }

    /// <summary>The type's name as a catalogue message (« Grands quartiers d'habitat social »).</summary>
    public static Message TypeLabel(TerritoryType type) => Message.Of("territory_type_" + type.Code());

    private static TypeScore Score(TerritoryType type, TerritoryIndicators i, ClassificationSettings c)
    {
        var unknown = c.UnknownScore;
        var items = new List<(string Name, Message Label, double? Value, double Score)>();
        switch (type)
        {
            case TerritoryType.PriorityDistrict:
                items.Add(("qpv_share", M("typology_criterion_qpv_share", ("value", i.QpvShare), ("ramp", R(c.QpvShare, true))), i.QpvShare, c.QpvShare.Score(i.QpvShare)));
                if (i.DistrictDwellings is { } stock && stock > i.QpvDwellings)
                    items.Add(("qpv_dwellings", M("criterion_district_stock", ("stock", stock), ("part", i.QpvDwellings),
                        ("from", c.QpvDwellings.From), ("to", c.QpvDwellings.To)), stock, c.QpvDwellings.Score(stock)));
                else
                    items.Add(("qpv_dwellings", M("typology_criterion_qpv_dwellings", ("value", i.QpvDwellings), ("ramp", R(c.QpvDwellings))), i.QpvDwellings, c.QpvDwellings.Score(i.QpvDwellings)));
                if (i.DistrictPopulation is { } population)
                    items.Add(("district_population", M("criterion_district_population", ("population", population),
                        ("from", c.DistrictPopulation.From), ("to", c.DistrictPopulation.To)), population, c.DistrictPopulation.Score(population)));
                break;
            case TerritoryType.UrbanCollective:
                items.Add(Collective("collective_share", "typology_label_collective_share", i.CollectiveShare, c.CollectiveShare, unknown));
                items.Add(Density("urban_density", "typology_label_urban_density", i.DensityLevel, c.UrbanDensity, unknown));
                items.Add(("nearby_landlord_dwellings", M("typology_criterion_nearby_landlord_dwellings", ("value", i.NearbyLandlordDwellings), ("ramp", R(c.NearbyLandlordDwellings))),
                    i.NearbyLandlordDwellings, c.NearbyLandlordDwellings.Score(i.NearbyLandlordDwellings)));
                items.Add(("outside_large_qpv", M("typology_criterion_outside_large_qpv", ("value", i.QpvDwellings), ("from", c.QpvDwellings.From), ("to", c.QpvDwellings.To)),
                    i.QpvDwellings, 1 - c.QpvDwellings.Score(i.QpvDwellings)));
                break;
            case TerritoryType.Isolated:
                items.Add(("few_landlord_dwellings_nearby", M("typology_criterion_few_landlord_dwellings_nearby", ("value", i.NearbyLandlordDwellings),
                    ("from", c.NearbyLandlordDwellings.From), ("to", c.NearbyLandlordDwellings.To)),
                    i.NearbyLandlordDwellings, 1 - c.NearbyLandlordDwellings.Score(i.NearbyLandlordDwellings)));
                items.Add(Town(i.DensityLevel, c, unknown));
                items.Add(("grouped_estates", M("typology_criterion_grouped_estates", ("value", i.DwellingsPerEstate), ("ramp", R(c.DwellingsPerEstate))),
                    i.DwellingsPerEstate, c.DwellingsPerEstate.Score(i.DwellingsPerEstate)));
                items.Add(("outside_qpv", M("typology_criterion_outside_qpv", ("value", i.QpvShare), ("from", c.QpvShare.From), ("to", c.QpvShare.To)),
                    i.QpvShare, 1 - c.QpvShare.Score(i.QpvShare)));
                break;
            default:
                items.Add(Density("rural_density", "typology_label_rural_density", i.DensityLevel, c.RuralDensity, unknown));
                items.Add(("small_estates", M("typology_criterion_small_estates", ("value", i.DwellingsPerEstate), ("from", c.DwellingsPerEstate.From), ("to", c.DwellingsPerEstate.To)),
                    i.DwellingsPerEstate, 1 - c.DwellingsPerEstate.Score(i.DwellingsPerEstate)));
                items.Add(Collective("individual_housing", "typology_label_individual_housing", i.CollectiveShare, c.IndividualHousing, unknown));
                break;
        }
        var weights = items.Select(x => Math.Max(0, c.Weight(type, x.Name))).ToList();
        var total = weights.Sum();
        var criteria = items.Select((x, k) => new CriterionTrace(x.Name, x.Label, x.Value, x.Score,
            total > 0 ? weights[k] / total : 1.0 / items.Count)).ToList();
        return new TypeScore(type, criteria.Sum(k => k.Contribution), criteria);
    }

    private static Message M(string code, params (string Name, object? Value)[] values) => Message.Of(code, values);

    private static (string, Message, double?, double) Collective(string name, string label, double? share, Ramp ramp, double unknown) =>
        share is { } s
            ? (name, M("typology_criterion_share", ("label", M(label)), ("value", s), ("ramp", R(ramp, true))), s, ramp.Score(s))
            : (name, M("typology_criterion_share_unknown", ("label", M(label))), null, unknown);

    private static (string, Message, double?, double) Density(string name, string label, int? level, Ramp ramp, double unknown) =>
        level is { } l
            ? (name, M("typology_criterion_density", ("label", M(label)), ("level", l), ("levelLabel", DensityLabel(l)), ("ramp", R(ramp))), l, ramp.Score(l))
            : (name, M("typology_criterion_density_unknown", ("label", M(label))), null, unknown);

    private static (string, Message, double?, double) Town(int? level, ClassificationSettings c, double unknown)
    {
        if (level is not { } l)
            return ("town_density", M("typology_criterion_density_unknown", ("label", M("typology_label_town"))), null, unknown);
        var score = l >= c.TownDensityMin && l <= c.TownDensityMax ? 1
            : l == c.TownDensityMin - 1 || l == c.TownDensityMax + 1 ? 0.5 : 0;
        return ("town_density", M("typology_criterion_town", ("level", l), ("levelLabel", DensityLabel(l)), ("min", c.TownDensityMin), ("max", c.TownDensityMax)), l, score);
    }

    /// <summary>The INSEE density level's name (« bourgs ruraux »).</summary>
    public static Message DensityLabel(int? level) => M(level is >= 1 and <= 7 ? $"density_level_{level}" : "density_level_unknown");

    private static Message R(Ramp r, bool percent = false) => percent
        ? M("typology_ramp_pct", ("from", r.From), ("to", r.To))
        : M("typology_ramp", ("from", r.From), ("to", r.To));
}
