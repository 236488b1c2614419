using Territory.Core.Caretaking;
using Territory.Core.Indicators;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Core.Staff;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>
/// Step 3: delineate territories, compute indicators, type them, check caretaking, model staff needs and
/// plan the presence — for the organisation (<see cref="AnalysisResult.OwnLandlord"/>), other landlords
/// loaded serving as context (district stock, coordination) and keeping their obligations their own.
/// </summary>
/// <remarks>CPU-bound and synchronous; input geometries are never modified.</remarks>
public static class TerritoryAnalysis
{
    /// <summary>Runs the whole analysis.</summary>
    public static AnalysisResult Run(AnalysisInput input, TypologyConfig config, CancellationToken ct = default) => RunWith(input, config, null, ct);

    /// <summary>Runs the whole analysis, reporting each territory done (<see cref="StageProgress.Territories"/>).</summary>
    public static AnalysisResult Run(AnalysisInput input, TypologyConfig config, IProgress<StageProgress>? progress, CancellationToken ct = default) =>
        RunWith(input, config, null, ct, progress: progress);

    /// <summary>
    /// The analysis after the presence points changed (a scenario's edit), the estates being the very list
    /// <paramref name="previous"/> analysed: what depends on the estates alone (isolation) is reused, the rest computed.
    /// </summary>
    /// <remarks>Equal to <see cref="Run(AnalysisInput, TypologyConfig, CancellationToken)"/> over the same input.</remarks>
    public static AnalysisResult Update(AnalysisResult previous, AnalysisInput input, TypologyConfig config, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(input);
        if (!ReferenceEquals(previous.Input.Estates, input.Estates))
            return RunWith(input, config, null, ct);
        // Territories are reused only over the very same estates, reference layers, sites and thresholds, cut the same way
        // (an agency catchment moves with its agency).
        var same = ReferenceEquals(previous.Input.Communes, input.Communes) && ReferenceEquals(previous.Input.Districts, input.Districts)
            && ReferenceEquals(previous.Config, config) && previous.Input.Delineation == input.Delineation
            && input.Delineation != DelineationMode.AgencyCatchment && ReferenceEquals(previous.Input.Sectors, input.Sectors)
            // The located sites of the site plan enter each territory's presence plan.
            && ReferenceEquals(previous.Input.Sites, input.Sites)
            // Without the matrix's nearest points, every estate's nearest point is a straight line to every point.
            && input.NearestPresence is not null;
        return RunWith(input, config, previous.Isolation, ct, same ? previous : null);
    }

    private static AnalysisResult RunWith(AnalysisInput input, TypologyConfig config, EstateIsolation? isolation, CancellationToken ct,
        AnalysisResult? previous = null, IProgress<StageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(config);
        var ctx = new AnalysisContext(input, config);
        var facts = EstateFactsBuilder.Build(ctx, ct, isolation);
        // The estate facts are complete: what reads them alone is built side by side.
        List<CaretakingEnsemble> ensembles = null!;
        KindAccessIndex access = null!;
        Dictionary<string, DistrictFacts> districts = null!;
        Dictionary<string, List<PresenceAccess>> nearestByEstate = null!;
        List<TerritoryUnit> units = null!;
        Parallel.Invoke(new ParallelOptions { CancellationToken = ct },
            () => ensembles = CaretakingCheck.Run(ctx, facts, ct),
            () =>
            {
                access = new KindAccessIndex(ctx, facts);
                districts = Districts(facts, ctx);
            },
            () =>
            {
                nearestByEstate = (input.NearestPresence ?? []).GroupBy(a => a.EstateId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                units = Delineator.Build(ctx, facts);
            });
        var caretaking = new CaretakingSummary(ensembles, ctx.OwnLandlord);
        var ownPoints = input.Agencies.Where(ctx.IsOwn).ToList();
        var needs = new Dictionary<string, EstateNeed>(StringComparer.Ordinal);

        var territories = new List<TerritoryResult>();
        var contexts = new List<PlanContext>();
        var earlier = previous?.Reuse is not null ? previous.Territories.ToDictionary(t => t.Id, StringComparer.Ordinal) : null;
        var pointsById = input.Agencies.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        progress?.Report(new StageProgress(StageProgress.Territories, 0, units.Count));
        DistrictFacts? DistrictOf(TerritoryUnit unit) => unit.Kind == TerritoryKind.QpvPart && unit.QpvCode is { } q ? districts.GetValueOrDefault(q) : null;
        // Each territory's fingerprint reads shared inputs only: computed side by side before the territories are assessed in order.
        var fingerprints = new string[units.Count];
        Parallel.For(0, units.Count, new ParallelOptions { CancellationToken = ct },
            k => fingerprints[k] = TerritoryInputs.Of(units[k], caretaking, nearestByEstate, pointsById, input.Agencies, DistrictOf(units[k])?.District?.Geometry));
        for (var k = 0; k < units.Count; k++)
        {
            ct.ThrowIfCancellationRequested();
            var unit = units[k];
            var district = DistrictOf(unit);
            var fingerprint = fingerprints[k];
            // A territory whose inputs the edit did not touch keeps its indicators, type, context and staff.
            var before = earlier is not null && earlier.TryGetValue(unit.Id, out var t0) && previous!.Reuse!.TryGetValue(unit.Id, out var r0)
                && r0.Inputs == fingerprint ? t0 : null;
            var indicators = before?.Indicators ?? IndicatorCalculator.Compute(unit, ctx) with
            {
                DistrictDwellings = district?.Stock,
                DistrictPopulation = district?.District?.Population,
            };
            var decision = before?.Decision ?? TypologyClassifier.Classify(indicators, config, unit.Kind == TerritoryKind.QpvPart);
            var own = unit.Estates.Where(ctx.IsOwn).ToList();
            var care = before?.Caretaking ?? caretaking.Of(unit.Estates);
            var unitNeeds = own.Select(f => Need(f, decision.Type, caretaking, access, config)).ToList();
            foreach (var n in unitNeeds)
                needs[n.EstateId] = n;
            var staff = before?.Staff ?? StaffModel.Sum(unitNeeds, OfficeStaffInside(unit.Geometry, ownPoints), 0, config.Staff);
            var plan = new PlanContext
            {
                Type = decision.Type,
                Geometry = unit.Geometry,
                Own = own,
                Access = access,
                Config = config,
                Points = ownPoints,
                Caretaking = care,
                Staff = staff,
                LargestEnsemble = own.Select(f => caretaking.EnsembleOf(f.Estate.Id)).OfType<CaretakingEnsemble>()
                    .Where(e => e.HousingKnown).Select(e => e.Dwellings).DefaultIfEmpty(0).Max(),
                QpvCode = unit.Kind == TerritoryKind.QpvPart ? unit.QpvCode : null,
                District = district?.District,
                DistrictStock = district?.Stock ?? 0,
                OwnDistrictDwellings = district?.Own ?? 0,
                DistrictLandlords = district?.Landlords ?? [],
                Sites = SitesServing(input.Sites, own),
            };
            var ids = unit.Estates.Select(f => f.Estate.Id).ToList();
            territories.Add(before ?? new TerritoryResult
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
                OwnDwellings = own.Sum(f => f.Estate.Dwellings),
                Plan = [],
                Stakes = Stakes.For(decision.Type),
                Context = ContextStatements.Of(plan, indicators),
                Organisation = Stakes.Organisation(decision.Type),
                Accueil = AccueilMix.For(decision.Type),
                Staff = staff,
                Caretaking = care,
                EnsembleIds = ids.Select(id => caretaking.EnsembleOf(id)?.Id).OfType<string>().Distinct().ToList(),
            });
            contexts.Add(plan);
            progress?.Report(new StageProgress(StageProgress.Territories, territories.Count, units.Count));
        }

        // Plans once every need is known: an office's unlocated site staff is allotted over all the estates it manages.
        var pool = SitePool.Allot(ctx, facts, needs, ensembles, caretaking);
        var reuse = new Dictionary<string, TerritoryReuse>(StringComparer.Ordinal);
        var planContexts = new PlanContext[territories.Count];
        for (var k = 0; k < territories.Count; k++)
        {
            planContexts[k] = contexts[k] with { PoolSiteFte = contexts[k].Own.Sum(f => pool.GetValueOrDefault(f.Estate.Id)) };
            reuse[territories[k].Id] = new TerritoryReuse(fingerprints[k], planContexts[k].PoolSiteFte);
        }
        // Each plan reads its own context and the shared indexes only: planned side by side, kept in the territories' order.
        Parallel.For(0, territories.Count, new ParallelOptions { CancellationToken = ct }, k =>
        {
            var c = planContexts[k];
            // The plan of an untouched territory whose share of the offices' site staff is the same is the one it had.
            var samePlan = earlier is not null && previous!.Reuse!.TryGetValue(territories[k].Id, out var r)
                && r.Inputs == fingerprints[k] && r.PoolSiteFte.Equals(c.PoolSiteFte);
            territories[k] = territories[k] with { Plan = samePlan ? earlier![territories[k].Id].Plan : c.Own.Count > 0 ? PresencePlanner.Plan(c) : [] };
        });

        var types = TerritoryTypes.All.Select(t =>
        {
            var of = territories.Where(x => x.Type == t).ToList();
            return new TypeSummary(t, of.Count, of.Sum(x => x.Indicators.Dwellings), of.Sum(x => x.OwnDwellings),
                of.Select(x => x.Staff).Aggregate(StaffBalance.Zero, (a, b) => a + b),
                of.Sum(x => x.Caretaking.Own.RequiredFte), of.Sum(x => x.Caretaking.Own.DeficitFte));
        }).ToList();
        var landlords = caretaking.Of(facts).Landlords;

        return new AnalysisResult
        {
            Input = input,
            Config = config,
            OwnLandlord = ctx.OwnLandlord,
            Territories = territories,
            Ensembles = ensembles,
            Caretaking = landlords,
            Agencies = AgencyAssessor.Assess(ctx, facts, needs, territories),
            Types = types,
            Staff = StaffModel.Sum(needs.Values, ownPoints.Where(AnalysisContext.IsOffice).Sum(a => a.Staff ?? 0),
                ownPoints.Where(AnalysisContext.IsOffice).Sum(a => a.SiteStaff ?? 0), config.Staff),
            TravelEstimated = facts.Any(f => f.TravelEstimated),
            Notes = AnalysisNotes.Of(ctx, facts, ensembles, landlords),
            Reuse = reuse,
            Isolation = new EstateIsolation(config.Travel.IsolationRadiusMeters,
                facts.Select(f => f.NearestSameLandlordMeters).ToArray(), facts.Select(f => f.NearbyLandlordDwellings).ToArray()),
        };
    }

    private static int OfficeStaffInside(NetTopologySuite.Geometries.Geometry geometry, IReadOnlyList<Agency> ownPoints)
    {
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(geometry);
        return ownPoints.Where(a => AnalysisContext.IsOffice(a) && prepared.Covers(a.Location)).Sum(a => a.Staff ?? 0);
    }

    /// <summary>The located sites serving at least one of the organisation's estates of a territory.</summary>
    private static IReadOnlyList<Presence.SitePlacement> SitesServing(IReadOnlyList<Presence.SitePlacement>? sites, IReadOnlyList<EstateFacts> own)
    {
        if (sites is null || sites.Count == 0 || own.Count == 0)
            return [];
        var ids = own.Select(f => f.Estate.Id).ToHashSet(StringComparer.Ordinal);
        return sites.Where(s => s.EstateIds.Any(ids.Contains)).ToList();
    }

    private static EstateNeed Need(EstateFacts f, TerritoryType type, CaretakingSummary caretaking, KindAccessIndex access, TypologyConfig config)
    {
        var e = caretaking.EnsembleOf(f.Estate.Id);
        var required = e is { Applies: true, Dwellings: > 0 } ? e.RequiredFte * f.CollectiveDwellings / e.Dwellings : 0;
        double? seconds;
        bool estimated;
        if (f.TravelSeconds is { } s && f.OriginAgencyId == f.ManagingOfficeId)
            (seconds, estimated) = (s, f.TravelEstimated);
        else if (access.Nearest(f.Estate.Id, KindAccessIndex.OfficeKinds) is { } r)
            (seconds, estimated) = (r.Seconds, r.Estimated);
        else
            (seconds, estimated) = (null, true);
        return StaffModel.Need(f.Estate.Id, f.Estate.Dwellings, f.CollectiveDwellings, required, seconds, estimated, f.SiteAgents, type, config.Staff);
    }

    /// <summary>Per QPV code: every landlord's dwellings in the whole district, the organisation's, the landlords present.</summary>
    private static Dictionary<string, DistrictFacts> Districts(IReadOnlyList<EstateFacts> facts, AnalysisContext ctx) =>
        facts.Where(f => f.QpvCode is not null).GroupBy(f => f.QpvCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new DistrictFacts(
            g.Sum(f => f.Estate.Dwellings),
            g.Where(ctx.IsOwn).Sum(f => f.Estate.Dwellings),
            g.Select(f => f.LandlordKey).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ctx.DistrictsByCode.GetValueOrDefault(g.Key)), StringComparer.Ordinal);

    private sealed record DistrictFacts(int Stock, int Own, IReadOnlyList<string> Landlords, PriorityDistrict? District);
}
