using NetTopologySuite.Index.Strtree;
using Territory.Core.Analysis;
using Territory.Core.Indicators;
using Territory.Core.Model;
using Territory.Core.Typology;
using static Territory.Core.Analysis.FrenchFormat;

namespace Territory.Core.Caretaking;

/// <summary>Finds ensembles subject to the caretaking obligation and compares required and declared FTE.</summary>
/// <remarks>
/// Ensembles: collective estates of one landlord linked when closer than
/// <see cref="CaretakingSettings.EnsembleLinkMeters"/> (single linkage). See <see cref="CaretakingRule"/>.
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
        var result = new List<CaretakingEnsemble>();
        foreach (var byLandlord in facts.Where(f => f.CollectiveDwellings > 0).GroupBy(f => f.LandlordKey, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var items = byLandlord.ToList();
            var parent = Enumerable.Range(0, items.Count).ToArray();
            var tree = new STRtree<int>();
            for (var i = 0; i < items.Count; i++)
                tree.Insert(items[i].Estate.Geometry.EnvelopeInternal, i);
            tree.Build();
            for (var i = 0; i < items.Count; i++)
            {
                var env = items[i].Estate.Geometry.EnvelopeInternal.Copy();
                env.ExpandBy(s.EnsembleLinkMeters);
                foreach (var j in tree.Query(env))
                {
                    if (j <= i) continue;
                    if (Within(items[i], items[j], s.EnsembleLinkMeters))
                        parent[Find(parent, i)] = Find(parent, j);
                }
            }
            foreach (var cluster in Enumerable.Range(0, items.Count).GroupBy(i => Find(parent, i)))
                result.Add(Assess(ctx, cluster.Select(i => items[i]).ToList()));
        }
        return result.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private static CaretakingEnsemble Assess(AnalysisContext ctx, List<EstateFacts> estates)
    {
        var s = ctx.Config.Caretaking;
        var dwellings = estates.Sum(f => f.CollectiveDwellings);
        var qpv = estates.Select(f => f.QpvCode).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var pops = estates.Select(f => f.CommuneCode).OfType<string>().Distinct()
            .Select(c => ctx.CommunesByCode.GetValueOrDefault(c)?.Population).OfType<int>().ToList();
        long? population = pops.Count > 0 ? pops.Max() : null;
        var bigCommune = population > s.MinCommunePopulation;
        var large = dwellings >= s.MinDwellings;
        var applies = large && (qpv.Count > 0 || bigCommune);
        string ground;
        if (!large)
            ground = $"{dwellings} logements collectifs, sous le seuil de {s.MinDwellings} : obligation non applicable.";
        else if (qpv.Count > 0)
            ground = $"{dwellings} logements collectifs (≥ {s.MinDwellings}) en quartier prioritaire ({string.Join(", ", qpv)}) : obligation applicable.";
        else if (bigCommune)
            ground = $"{dwellings} logements collectifs (≥ {s.MinDwellings}) dans une commune de {Num(population!.Value, 0)} habitants (> {Num(s.MinCommunePopulation, 0)}) : obligation applicable.";
        else
            ground = population is null
                ? $"{dwellings} logements collectifs hors QPV, population communale inconnue : applicabilité à vérifier."
                : $"{dwellings} logements collectifs hors QPV dans une commune de {Num(population.Value, 0)} habitants (≤ {Num(s.MinCommunePopulation, 0)}) : obligation non applicable (sauf aire urbaine, à vérifier).";
        var required = applies ? dwellings / s.DwellingsPerFte : 0;
        var declared = estates.Sum(f => f.SiteAgents);
        var first = estates.Select(f => f.Estate.Id).Order(StringComparer.Ordinal).First();
        var geometry = estates.Count == 1 && estates[0].Estate.Geometry is not NetTopologySuite.Geometries.Point
            ? estates[0].Estate.Geometry
            : estates[0].Estate.Geometry.Factory.BuildGeometry(estates.Select(f => f.Estate.Geometry).ToList()).ConvexHull();
        return new CaretakingEnsemble($"ENS-{first}", estates[0].LandlordKey,
            estates.Select(f => f.Estate.Id).ToList(), dwellings, qpv, population, applies, ground, required, declared, geometry);
    }

    private static bool Within(EstateFacts a, EstateFacts b, double meters) =>
        a.Estate.Geometry is NetTopologySuite.Geometries.Point && b.Estate.Geometry is NetTopologySuite.Geometries.Point
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
