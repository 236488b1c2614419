using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.Planning.Candidates;

namespace Territory.Planning.Tests.Candidates;

public sealed class CandidateGeneratorTests
{
    private static readonly GeometryFactory F = new(new PrecisionModel(), 2154);

    private static Point P(double x, double y) => F.CreatePoint(new Coordinate(x, y));

    private static Estate Estate(string id, double x, double y, int dwellings, string commune) =>
        new() { Id = id, Geometry = P(x, y), Dwellings = dwellings, CommuneCode = commune };

    private static Polygon Square(double x, double y, double size) => F.CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y),
    ]);

    [Fact]
    public void CommuneMainTowns_EstatesClusteredInTheBourg_PicksTheBourgNotTheOutlier()
    {
        var estates = new[]
        {
            Estate("A", 1000, 1000, 40, "81001"), Estate("B", 1100, 1000, 30, "81001"), Estate("C", 1050, 1080, 25, "81001"),
            Estate("D", 6000, 6000, 100, "81001"), // one large outlying estate, under half the dwellings
            Estate("E", 1020, 1030, 35, "81001"),
            Estate("Z", 50_000, 50_000, 10, "81002"),
        };
        var communes = new[] { new Commune { Code = "81001", Name = "Bourg", Geometry = Square(0, 0, 10_000) } };
        var towns = CandidateGenerator.CommuneMainTowns(communes, estates, "lieu_relais").ToList();
        Assert.Equal(["commune:81001", "commune:81002"], towns.Select(t => t.Id));
        var bourg = towns[0];
        Assert.Equal("Bourg", bourg.Name);
        Assert.Equal(CandidateSource.CommuneMainTown, bourg.Source);
        Assert.Equal("81001", bourg.SourceRef);
        Assert.False(bourg.Existing);
        // 100 dwellings far away weigh less than 130 clustered: the medoid (the commune's 1-median) stays in the cluster.
        Assert.True(bourg.Location.X < 1200 && bourg.Location.Y < 1200, bourg.Location.ToText());
        Assert.Null(towns[1].Name);
        Assert.Equal(50_000, towns[1].Location.X);
    }

    [Fact]
    public void QpvCentres_PointOnSurface_InsideEvenAConcaveDistrict()
    {
        // A U-shaped district whose centroid falls in the gap.
        var u = F.CreatePolygon(
        [
            new Coordinate(0, 0), new Coordinate(300, 0), new Coordinate(300, 300), new Coordinate(200, 300), new Coordinate(200, 100),
            new Coordinate(100, 100), new Coordinate(100, 300), new Coordinate(0, 300), new Coordinate(0, 0),
        ]);
        var centre = Assert.Single(CandidateGenerator.QpvCentres([new PriorityDistrict { Code = "QP031001", Name = "Quartier", Geometry = u }], "antenne"));
        Assert.Equal("qpv:QP031001", centre.Id);
        Assert.Equal("antenne", centre.Kind);
        Assert.Equal(CandidateSource.QpvCentre, centre.Source);
        Assert.True(u.Contains(centre.Location));
        Assert.False(u.Contains(u.Centroid));
    }

    [Fact]
    public void Generate_ExistingImportedAndGenerated_KeepsSourcesAndMergesNearDuplicates()
    {
        var agencies = new[] { new Agency { Id = "AG1", Name = "Agence", Kind = AgencyKind.Agence, Location = P(1000, 1000) } };
        var imported = new[] { new CandidateSite { Id = "MAIRIE", Kind = "lieu_relais", Source = CandidateSource.Imported, Location = P(1003, 1004) } };
        var districts = new[] { new PriorityDistrict { Code = "QP1", Geometry = Square(9000, 9000, 100) } };
        var estates = new[] { Estate("E1", 5000, 5000, 10, "31001") };
        var set = CandidateGenerator.Generate(agencies, imported, [], districts, estates);
        Assert.Equal(["AG1", "commune:31001", "qpv:QP1"], set.Sites.Select(s => s.Id));
        var existing = set.Sites[0];
        Assert.True(existing.Existing);
        Assert.Equal("agence", existing.Kind);
        Assert.Equal(CandidateSource.ExistingPoint, existing.Source);
        var merged = Assert.Single(set.Merged);
        Assert.Equal(("MAIRIE", "AG1"), (merged.DroppedId, merged.KeptId));
        Assert.Equal(5, merged.DistanceMeters, 6);
    }

    [Fact]
    public void Generate_NoGenerated_KeepsOnlyExistingAndImported()
    {
        var agencies = new[] { new Agency { Id = "AG1", Location = P(0, 0) } };
        var options = new CandidateOptions { CommuneMainTowns = false, QpvCentres = false };
        var set = CandidateGenerator.Generate(agencies, [], [], [new PriorityDistrict { Code = "Q", Geometry = Square(0, 500, 10) }],
            [Estate("E", 100, 100, 5, "31001")], options);
        Assert.Equal(["AG1"], set.Sites.Select(s => s.Id));
    }

    [Fact]
    public void Generate_DuplicateIds_ThrowsDuplicateId()
    {
        var agencies = new[] { new Agency { Id = "X", Location = P(0, 0) } };
        var imported = new[] { new CandidateSite { Id = "X", Kind = "lieu_relais", Source = CandidateSource.Imported, Location = P(900, 900) } };
        var e = Assert.Throws<PlanningException>(() => CandidateGenerator.Generate(agencies, imported, [], [], []));
        Assert.Equal(PlanningErrorCodes.DuplicateId, e.Code);
    }
}
