using Territory.Core.Caretaking;
using Territory.Core.Indicators;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>Step 3: delineate territories, compute indicators, type them, recommend presence, check caretaking.</summary>
/// <remarks>CPU-bound and synchronous; input geometries are never modified.</remarks>
public static class TerritoryAnalysis
{
    /// <summary>Runs the whole analysis.</summary>
    public static AnalysisResult Run(AnalysisInput input, TypologyConfig config, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(config);
        var ctx = new AnalysisContext(input, config);
        var facts = EstateFactsBuilder.Build(ctx, ct);
        var ensembles = CaretakingCheck.Run(ctx, facts, ct);

        var requiredByEstate = new Dictionary<string, double>(StringComparer.Ordinal);
        var ensembleByEstate = new Dictionary<string, string>(StringComparer.Ordinal);
        var factsById = facts.GroupBy(f => f.Estate.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var e in ensembles)
        {
            foreach (var id in e.EstateIds)
            {
                ensembleByEstate[id] = e.Id;
                if (e.Applies && factsById.TryGetValue(id, out var f))
                    requiredByEstate[id] = f.CollectiveDwellings / config.Caretaking.DwellingsPerFte;
            }
        }

        var territories = new List<TerritoryResult>();
        foreach (var unit in Delineator.Build(ctx, facts))
        {
            ct.ThrowIfCancellationRequested();
            var indicators = IndicatorCalculator.Compute(unit, ctx);
            var isQpv = unit.Kind == TerritoryKind.QpvPart;
            var decision = TypologyClassifier.Classify(indicators, config, isQpv);
            var ids = unit.Estates.Select(f => f.Estate.Id).ToList();
            var required = ids.Sum(id => requiredByEstate.GetValueOrDefault(id));
            territories.Add(new TerritoryResult
            {
                Id = unit.Id,
                Name = unit.Name,
                Kind = unit.Kind,
                CommuneCode = unit.CommuneCode,
                QpvCode = unit.QpvCode,
                Geometry = unit.Geometry,
                GeometryApproximate = unit.GeometryApproximate,
                EstateIds = ids,
                Indicators = indicators,
                Decision = decision,
                Presence = PresenceRecommender.Recommend(decision.Type, indicators, isQpv, required, config),
                Accueil = PresenceRecommender.Accueil(decision.Type),
                CaretakerRequiredFte = required,
                EnsembleIds = ids.Select(id => ensembleByEstate.GetValueOrDefault(id)).OfType<string>().Distinct().ToList(),
            });
        }

        var types = TerritoryTypes.All.Select(t =>
        {
            var of = territories.Where(x => x.Type == t).ToList();
            return new TypeSummary(t, of.Count, of.Sum(x => x.Indicators.Dwellings), of.Sum(x => x.Indicators.SiteAgents),
                of.Sum(x => x.CaretakerRequiredFte));
        }).ToList();

        var agencies = input.Agencies.Select(a =>
        {
            var served = facts.Where(f => f.Estate.AgencyId == a.Id || (f.Estate.AgencyId is null && f.OriginAgencyId == a.Id)).ToList();
            if (served.Count == 0 && a.Kind == Model.AgencyKind.Loge)
                served = facts.Where(f => (a.Landlord is null || a.Landlord == f.Estate.Landlord)
                    && EstateFactsBuilder.Dist(f.Location, a.Location) <= config.Caretaking.LodgeRadiusMeters).ToList();
            var management = AnalysisContext.IsOffice(a)
                ? ManagementModel.FromStaff(a.Staff)
                : new ManagementModel(null, false, "Sans objet pour ce point de présence (loge, lieu relais, arrêt d'agence mobile).");
            return new AgencyAssessment(a, management, PerimeterModels.Label(a.PerimeterModel),
                served.Count, served.Sum(f => f.Estate.Dwellings));
        }).ToList();

        var travelEstimated = facts.Any(f => f.TravelEstimated);
        var notes = new List<string>();
        if (travelEstimated)
            notes.Add(input.Access is null
                ? $"Aucun réseau routier chargé : temps de trajet estimés à vol d'oiseau × {FrenchFormat.Num(config.Travel.DetourFactor, 2)} à {FrenchFormat.Num(config.Travel.AverageSpeedKmh, 0)} km/h."
                : "Certains temps de trajet sont estimés (à vol d'oiseau ou programmes non raccordés au réseau routier).");
        if (facts.Any(f => f.CommuneCode is null))
            notes.Add($"{facts.Count(f => f.CommuneCode is null)} programme(s) sans commune identifiée.");
        if (ctx.DensityCache.Values.Any(d => d.Estimated))
            notes.Add("Niveaux de densité estimés (population/superficie) pour les communes sans grille INSEE.");
        notes.Add(CaretakingRule.Disclaimer);

        return new AnalysisResult
        {
            Input = input,
            Config = config,
            Territories = territories,
            Ensembles = ensembles,
            Agencies = agencies,
            Types = types,
            TravelEstimated = travelEstimated,
            Notes = notes,
        };
    }
}
