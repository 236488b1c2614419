using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Indicators;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.Core.Caretaking;

/// <summary>Finds ensembles subject to the caretaking obligation and compares required and declared FTE, landlord by landlord.</summary>
/// <remarks>
/// <para>Ensembles: estates of one landlord linked when closer than <see cref="CaretakingSettings.EnsembleLinkMeters"/>
/// (single linkage) — collective estates together, estates of unknown construction type apart (« non évaluable »).
/// Individual houses never form an ensemble.</para>
/// <para>Geographic cases (former R127-1 CCH): a priority district; a commune over 25,000 inhabitants; a
/// commune in an urban area of a single piece of at least 50,000 inhabitants with a commune over 15,000.
/// A case that cannot be decided from the data (population or urban area unknown) makes the ensemble
/// « à vérifier », never « non applicable ».</para>
/// <para>Declared FTE: staff where they work (on the estates, at a lodge serving them). Site staff an office
/// declares without a place of work first covers the requirement of the ensembles it manages, in proportion
/// to what each still lacks; only what remains uncovered is a deficit.</para>
/// </remarks>
public static class CaretakingCheck
{
    /// <summary>Runs the check on a whole input (estates located on communes and QPV as in the analysis).</summary>
    public static IReadOnlyList<CaretakingEnsemble> Run(AnalysisInput input, TypologyConfig config, CancellationToken ct = default)
    {
        var ctx = new AnalysisContext(input, config);
        return Run(ctx, EstateFactsBuilder.Build(ctx, ct), ct);
    }

    internal static List<CaretakingEnsemble> Run(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts, CancellationToken ct)
    {
        var s = ctx.Config.Caretaking;
        // Clusters in order (landlord by landlord, collective then unknown), each assessed on its own and kept in that order.
        var clusters = new List<(List<EstateFacts> Estates, bool Collective)>();
        foreach (var byLandlord in facts.GroupBy(f => f.LandlordKey, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var cluster in Clusters(byLandlord.Where(f => f.CollectiveDwellings > 0).ToList(), s.EnsembleLinkMeters, ct))
                clusters.Add((cluster, true));
            foreach (var cluster in Clusters(byLandlord.Where(f => !f.HousingKnown).ToList(), s.EnsembleLinkMeters, ct))
                clusters.Add((cluster, false));
        }
        var result = new CaretakingEnsemble[clusters.Count];
        Parallel.For(0, clusters.Count, new ParallelOptions { CancellationToken = ct },
            k => result[k] = clusters[k].Collective ? Assess(ctx, clusters[k].Estates) : Unknown(clusters[k].Estates));
        return Cover(ctx, [.. result]).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private static CaretakingEnsemble Assess(AnalysisContext ctx, List<EstateFacts> estates)
    {
        var s = ctx.Config.Caretaking;
        var dwellings = estates.Sum(f => f.CollectiveDwellings);
        var qpv = estates.Select(f => f.QpvCode).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var communes = estates.Select(f => f.CommuneCode).Distinct().Select(c => c is null ? null : ctx.CommunesByCode.GetValueOrDefault(c)).ToList();
        var known = communes.OfType<Commune>().ToList();
        long? population = known.Count > 0 && known.Any(c => c.Population is not null) ? known.Max(c => c.Population ?? 0) : null;
        var (status, @case, ground) = Decide(ctx, s, dwellings, qpv, communes, known, population);
        return new CaretakingEnsemble(IdOf(estates), estates[0].LandlordKey, Ids(estates), dwellings, true, qpv, population, status, @case, ground,
            status == CaretakingStatus.Applies ? dwellings / s.DwellingsPerFte : 0, estates.Sum(f => f.SiteAgents), 0, Manager(estates), Hull(estates));
    }

    private static (CaretakingStatus, CaretakingCase, Message) Decide(AnalysisContext ctx, CaretakingSettings s, int dwellings, List<string> qpv,
        List<Commune?> communes, List<Commune> known, long? population)
    {
        if (dwellings < s.MinDwellings)
            return (CaretakingStatus.NotApplicable, CaretakingCase.None, Message.Of("caretaking_ground_small", ("dwellings", dwellings), ("min", s.MinDwellings)));
        if (qpv.Count > 0)
            return (CaretakingStatus.Applies, CaretakingCase.PriorityDistrict,
                Message.Of("caretaking_ground_qpv", ("dwellings", dwellings), ("min", s.MinDwellings), ("qpv", string.Join(", ", qpv))));
        if (known.Where(c => c.Population > s.MinCommunePopulation).MaxBy(c => c.Population) is { } big)
            return (CaretakingStatus.Applies, CaretakingCase.CommunePopulation, Message.Of("caretaking_ground_commune", ("dwellings", dwellings),
                ("min", s.MinDwellings), ("commune", big.Name ?? big.Code), ("population", big.Population!.Value), ("threshold", s.MinCommunePopulation)));
        var verdicts = known.Select(c => (Commune: c, Verdict: ctx.UrbanAreas.Judge(c, s))).ToList();
        if (verdicts.FirstOrDefault(v => v.Verdict.State == UrbanAreaState.Qualifies) is { Commune: not null } area)
            return (CaretakingStatus.Applies, CaretakingCase.UrbanArea, Message.Of("caretaking_ground_urban_area", ("dwellings", dwellings),
                ("min", s.MinDwellings), ("commune", area.Commune.Name ?? area.Commune.Code), ("area", area.Verdict.Code), ("area_population", area.Verdict.Population),
                ("area_min", s.MinUrbanAreaPopulation), ("town", area.Verdict.LargestCommune), ("town_population", area.Verdict.LargestPopulation)));
        if (communes.Any(c => c?.Population is null))
            return (CaretakingStatus.ToCheck, CaretakingCase.None, Message.Of("caretaking_ground_check_population", ("dwellings", dwellings),
                ("min", s.MinDwellings), ("threshold", s.MinCommunePopulation)));
        if (verdicts.Any(v => v.Verdict.State == UrbanAreaState.Unknown))
            return (CaretakingStatus.ToCheck, CaretakingCase.None, Message.Of("caretaking_ground_check_area", ("dwellings", dwellings),
                ("min", s.MinDwellings), ("population", population), ("threshold", s.MinCommunePopulation), ("area_min", s.MinUrbanAreaPopulation),
                ("town_min", s.MinUrbanAreaCommunePopulation)));
        return (CaretakingStatus.NotApplicable, CaretakingCase.None, Message.Of("caretaking_ground_none", ("dwellings", dwellings),
            ("population", population), ("threshold", s.MinCommunePopulation), ("area_min", s.MinUrbanAreaPopulation), ("town_min", s.MinUrbanAreaCommunePopulation)));
    }

    private static CaretakingEnsemble Unknown(List<EstateFacts> estates)
    {
        var dwellings = estates.Sum(f => f.Estate.Dwellings);
        var qpv = estates.Select(f => f.QpvCode).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return new CaretakingEnsemble(IdOf(estates), estates[0].LandlordKey, Ids(estates), dwellings, false, qpv, null, CaretakingStatus.NotAssessable,
            CaretakingCase.None, Message.Of("caretaking_ground_unknown_type", ("dwellings", dwellings)), 0, estates.Sum(f => f.SiteAgents), 0, Manager(estates),
            Hull(estates));
    }

    /// <summary>An office's unlocated site staff covers its ensembles' remaining requirement, in proportion to what each lacks.</summary>
    private static IEnumerable<CaretakingEnsemble> Cover(AnalysisContext ctx, List<CaretakingEnsemble> ensembles)
    {
        var cover = new Dictionary<CaretakingEnsemble, double>(ReferenceEqualityComparer.Instance);
        foreach (var byOffice in ensembles.Where(e => e.Applies && e.AgencyId is not null && e.RequiredFte - e.DeclaredFte > 1e-9)
                     .GroupBy(e => e.AgencyId!, StringComparer.Ordinal))
        {
            if (!ctx.AgenciesById.TryGetValue(byOffice.Key, out var office) || !AnalysisContext.IsOffice(office) || office.SiteStaff is not > 0)
                continue;
            // An office's gardiens never cover another landlord's obligation.
            var covered = byOffice.Where(e => office.Landlord is null || office.Landlord == e.Landlord || e.Landlord.Length == 0).ToList();
            if (covered.Count == 0)
                continue;
            var lacking = covered.Sum(e => e.RequiredFte - e.DeclaredFte);
            var factor = Math.Min(1, office.SiteStaff.Value / lacking);
            foreach (var e in covered)
                cover[e] = (e.RequiredFte - e.DeclaredFte) * factor;
        }
        return ensembles.Select(e => cover.TryGetValue(e, out var c) ? e with { AgencyCoverFte = c } : e);
    }

    /// <summary>Single-linkage clusters of <paramref name="items"/>, each in the items' order, ordered by their first item.</summary>
    /// <remarks>
    /// The pairs within reach are found side by side over a grid of cells one link wide (an estate is in every cell its
    /// envelope meets; two estates within reach share a cell or lie in neighbouring ones); the partition, hence the result,
    /// does not depend on the order the pairs are joined.
    /// </remarks>
    private static List<List<EstateFacts>> Clusters(List<EstateFacts> items, double linkMeters, CancellationToken ct)
    {
        if (items.Count == 0)
            return [];
        var grid = new LinkGrid(items.Select(f => f.Estate.Geometry.EnvelopeInternal).ToList(), linkMeters);
        const int Block = 2048;
        var pairs = new List<(int, int)>[(items.Count + Block - 1) / Block];
        Parallel.For(0, pairs.Length, new ParallelOptions { CancellationToken = ct }, b =>
        {
            var found = pairs[b] = [];
            var seen = new HashSet<int>();
            for (int i = b * Block, end = Math.Min(items.Count, i + Block); i < end; i++)
            {
                seen.Clear();
                foreach (var j in grid.Near(i))
                    if (j > i && seen.Add(j) && Within(items[i], items[j], linkMeters))
                        found.Add((i, j));
            }
        });
        var parent = Enumerable.Range(0, items.Count).ToArray();
        foreach (var block in pairs)
            foreach (var (i, j) in block)
                parent[Find(parent, i)] = Find(parent, j);
        return Enumerable.Range(0, items.Count).GroupBy(i => Find(parent, i)).Select(c => c.Select(i => items[i]).ToList()).ToList();
    }

    /// <summary>The office most of the ensemble's dwellings depend on.</summary>
    private static string? Manager(List<EstateFacts> estates) =>
        estates.Where(f => f.ManagingOfficeId is not null).GroupBy(f => f.ManagingOfficeId!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(f => f.Estate.Dwellings)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

    private static string IdOf(List<EstateFacts> estates) => "ENS-" + estates.Select(f => f.Estate.Id).Order(StringComparer.Ordinal).First();

    private static List<string> Ids(List<EstateFacts> estates) => estates.Select(f => f.Estate.Id).ToList();

    private static Geometry Hull(List<EstateFacts> estates) =>
        estates.Count == 1 && estates[0].Estate.Geometry is not Point
            ? estates[0].Estate.Geometry
            : estates[0].Estate.Geometry.Factory.BuildGeometry(estates.Select(f => f.Estate.Geometry).ToList()).ConvexHull();

    private static bool Within(EstateFacts a, EstateFacts b, double meters) =>
        a.Estate.Geometry is Point && b.Estate.Geometry is Point
            ? EstateFactsBuilder.Dist(a.Location, b.Location) <= meters
            : a.Estate.Geometry.IsWithinDistance(b.Estate.Geometry, meters);

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
