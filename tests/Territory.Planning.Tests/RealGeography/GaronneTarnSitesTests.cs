using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Planning.Candidates;
using Territory.Planning.Location;
using Territory.Planning.Matrix;
using Xunit.Abstractions;

namespace Territory.Planning.Tests.RealGeography;

/// <summary>
/// Real geography: France Services points and commune polygons of Haute-Garonne and Tarn, a seeded
/// synthetic estate set, then MCLP. No OSM extract covers the area: times are straight-line estimates.
/// </summary>
public sealed class GaronneTarnSitesTests(ITestOutputHelper output)
{
    private const int Seed = 31_81;

    [Fact]
    public void Mclp_FranceServicesAndMainTownsInGaronneTarn_ProposedSitesCoverDwellings()
    {
        if (SharedGeodata.PathOrNull("agences/france_services_2020_shared.geojson", output) is not { } servicesPath
            || SharedGeodata.PathOrNull("communes/communes-31-haute-garonne.geojson", output) is not { } hauteGaronne
            || SharedGeodata.PathOrNull("communes/communes-81-tarn.geojson", output) is not { } tarn)
            return;
        var toL93 = new Reprojector(4326, 2154);
        var communes = SharedGeodata.Read(hauteGaronne).Concat(SharedGeodata.Read(tarn))
            .Select(f => new Commune { Code = (string)f.Attributes["code"], Name = (string)f.Attributes["nom"], Geometry = toL93.Transform(f.Geometry) })
            .ToList();
        Assert.Equal(587 + 319, communes.Count);
        var services = SharedGeodata.Read(servicesPath)
            .Where(f => f.Attributes["DEPARTEMENT"]?.ToString() is "31" or "81")
            .Select(f => new CandidateSite
            {
                Id = "FS-" + f.Attributes["MATRICULE"], Name = (string)f.Attributes["lib_france_services"], Kind = AgencyKind.LieuRelais.Code(),
                Source = CandidateSource.Imported, SourceRef = f.Attributes["MATRICULE"]?.ToString(), Location = toL93.Transform((Point)f.Geometry),
            })
            .ToList();
        Assert.Equal(20, services.Count);

        var estates = SyntheticEstates(communes);
        var candidates = CandidateGenerator.Generate([], services, communes, [], estates, new CandidateOptions { QpvCentres = false });
        Assert.Contains(candidates.Sites, c => c.Source == CandidateSource.CommuneMainTown);
        var matrix = CostMatrices.Build(candidates.Sites, estates, 2154, graph: null, maxSeconds: 20 * 60);
        Assert.True(matrix.Estimated);

        var request = new SitePlanRequest
        {
            Problem = PlanningProblem.Mclp, Matrix = matrix, Candidates = candidates.Sites, Demand = DemandPoints.FromEstates(estates),
            Minutes = 20, Count = 8, TimeLimitSeconds = 30, Workers = 2,
        };
        var plan = SitePlanner.Plan(request);
        var single = SitePlanner.Plan(request with { Count = 1 });
        foreach (var c in plan.Chosen)
            output.WriteLine($"{c.Id,-22} {candidates.Sites[c.Index].Name,-40} {c.Dwellings,6} logements");
        output.WriteLine($"couverts {plan.CoveredDwellings} / {plan.TotalDwellings}, optimal {plan.Optimal}, écart {plan.Gap}, {plan.Method}");

        Assert.True(plan.Estimated);
        Assert.Equal(8, plan.Count);
        Assert.True(single.CoveredDwellings > 0, "one site covers nothing");
        Assert.True(plan.CoveredDwellings > single.CoveredDwellings, "eight sites cover no more than one");
        Assert.True(plan.CoveredDwellings >= 0.5 * plan.TotalDwellings, $"{plan.CoveredDwellings} of {plan.TotalDwellings}");
        Assert.True(plan.Gap is <= 0.005, $"gap {plan.Gap}");
        Assert.All(plan.Chosen, c => Assert.Contains(candidates.Sites[c.Index].Source, new[] { CandidateSource.Imported, CandidateSource.CommuneMainTown }));
    }

    /// <summary>Toulouse and Albi hold most dwellings; a few estates in 150 seeded communes; points inside the polygons.</summary>
    private static List<Estate> SyntheticEstates(IReadOnlyList<Commune> communes)
    {
        var random = new Random(Seed);
        var factory = new GeometryFactory(new PrecisionModel(), 2154);
        var estates = new List<Estate>();
        var byCode = communes.ToDictionary(c => c.Code);
        Add(byCode["31555"], 60, 40, 250);
        Add(byCode["81004"], 20, 30, 200);
        Add(byCode["81065"], 12, 30, 150);
        foreach (var c in communes.OrderBy(c => c.Code, StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(150))
            Add(c, random.Next(1, 4), 4, 60);
        return estates;

        void Add(Commune commune, int count, int min, int max)
        {
            var envelope = commune.Geometry.EnvelopeInternal;
            for (int k = 0; k < count; k++)
            {
                Point p;
                do p = factory.CreatePoint(new Coordinate(envelope.MinX + random.NextDouble() * envelope.Width, envelope.MinY + random.NextDouble() * envelope.Height));
                while (!commune.Geometry.Contains(p));
                estates.Add(new Estate { Id = $"{commune.Code}-{k + 1}", Geometry = p, Dwellings = random.Next(min, max + 1), CommuneCode = commune.Code });
            }
        }
    }
}
