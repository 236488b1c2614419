using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Enrichment;
using Territory.Core.Model;

namespace Territory.Core.Tests.Enrichment;

public sealed class SpatialEnricherTests
{
    private static readonly WKTReader Wkt = new();

    // Two communes side by side (x 0–100 and 100–200), one QPV inside the first.
    private static readonly Commune[] Communes =
    [
        new() { Code = "69001", Geometry = G("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))") },
        new() { Code = "69002", Geometry = G("POLYGON ((100 0, 200 0, 200 100, 100 100, 100 0))") },
    ];

    private static readonly PriorityDistrict[] Districts =
    [
        new() { Code = "QN06901M", Geometry = G("POLYGON ((10 10, 40 10, 40 40, 10 40, 10 10))") },
    ];

    private static Geometry G(string wkt) => Wkt.Read(wkt);

    private static Estate E(string id, string wkt, string? commune = null, string? qpv = null) =>
        new() { Id = id, Geometry = G(wkt), Dwellings = 10, CommuneCode = commune, QpvCode = qpv };

    [Fact]
    public void Enrich_PointInQpv_GetsCommuneAndQpvCodes()
    {
        var result = SpatialEnricher.Enrich([E("a", "POINT (20 20)")], Communes, Districts);

        Assert.Equal("69001", result.Estates[0].CommuneCode);
        Assert.Equal("QN06901M", result.Estates[0].QpvCode);
        Assert.Equal(1, result.Report.CommuneMatched);
        Assert.Equal(1, result.Report.InQpv);
    }

    [Fact]
    public void Enrich_PointOutsideAllCommunes_KeepsSourceCommuneCode()
    {
        var result = SpatialEnricher.Enrich([E("a", "POINT (500 500)", commune: "75056")], Communes, Districts);

        Assert.Equal("75056", result.Estates[0].CommuneCode);
        Assert.Null(result.Estates[0].QpvCode);
        Assert.Equal(1, result.Report.OutsideCommunes);
        Assert.Equal(0, result.Report.CommuneMatched);
    }

    [Fact]
    public void Enrich_PipCommuneDiffersFromSource_PipWinsAndIsCounted()
    {
        var result = SpatialEnricher.Enrich([E("a", "POINT (150 50)", commune: "69001")], Communes, null);

        Assert.Equal("69002", result.Estates[0].CommuneCode);
        Assert.Equal(1, result.Report.CommuneChanged);
    }

    [Fact]
    public void Enrich_PolygonEstate_UsesInteriorPointNotCentroid()
    {
        // A thin U around the QPV: its centroid (25, 19.5) lies in the notch, inside the QPV,
        // but no part of the estate does, so it must not be tagged with the QPV.
        var estate = E("u", "POLYGON ((5 5, 45 5, 45 45, 42 45, 42 8, 8 8, 8 45, 5 45, 5 5))");
        Assert.True(Districts[0].Geometry.Contains(estate.Geometry.Centroid));

        var result = SpatialEnricher.Enrich([estate], Communes, Districts);

        Assert.Null(result.Estates[0].QpvCode);
        Assert.Equal("69001", result.Estates[0].CommuneCode);
    }

    [Fact]
    public void Enrich_PolygonEstateInsideQpv_GetsQpvCode()
    {
        var result = SpatialEnricher.Enrich([E("p", "POLYGON ((15 15, 25 15, 25 25, 15 25, 15 15))")], Communes, Districts);

        Assert.Equal("QN06901M", result.Estates[0].QpvCode);
        Assert.Equal("69001", result.Estates[0].CommuneCode);
    }

    [Fact]
    public void Enrich_QpvLayerLoadedAndPointOutside_ClearsSourceQpv()
    {
        var result = SpatialEnricher.Enrich([E("a", "POINT (80 80)", qpv: "QP069001")], Communes, Districts);

        Assert.Null(result.Estates[0].QpvCode);
        Assert.Equal(1, result.Report.QpvChanged);
    }

    [Fact]
    public void Enrich_NoQpvLayer_KeepsSourceQpv()
    {
        var result = SpatialEnricher.Enrich([E("a", "POINT (80 80)", qpv: "QP069001")], Communes, null);

        Assert.Equal("QP069001", result.Estates[0].QpvCode);
        Assert.False(result.Report.QpvUsed);
    }

    [Fact]
    public void Enrich_PointOnSharedBoundary_FirstCommuneInInputOrderWins()
    {
        var result = SpatialEnricher.Enrich([E("a", "POINT (100 50)")], Communes, null);

        Assert.Equal("69001", result.Estates[0].CommuneCode);
    }

    [Fact]
    public void Enrich_UnchangedEstate_ReturnsSameInstanceAndNeverMutatesInput()
    {
        var same = E("a", "POINT (50 50)", commune: "69001");
        var moved = E("b", "POINT (50 50)", commune: "99999");

        var result = SpatialEnricher.Enrich([same, moved], Communes, null);

        Assert.Same(same, result.Estates[0]);
        Assert.NotSame(moved, result.Estates[1]);
        Assert.Equal("99999", moved.CommuneCode);
    }

    [Fact]
    public void Enrich_LargeInputInParallel_MatchesSequentialCounts()
    {
        var rng = new Random(7);
        var estates = Enumerable.Range(0, 50_000)
            .Select(i => new Estate { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Dwellings = 1,
                Geometry = new Point(rng.NextDouble() * 300, rng.NextDouble() * 100) })
            .ToList();

        var result = SpatialEnricher.Enrich(estates, Communes, Districts);

        var expectedOutside = estates.Count(e => ((Point)e.Geometry).X > 200);
        var expectedQpv = estates.Count(e => Districts[0].Geometry.Covers(e.Geometry));
        Assert.Equal(expectedOutside, result.Report.OutsideCommunes);
        Assert.Equal(expectedQpv, result.Report.InQpv);
        Assert.Equal(estates.Count - expectedOutside, result.Report.CommuneMatched);
        Assert.Equal(estates[123].Id, result.Estates[123].Id);
    }

    [Fact]
    public void Enrich_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var estates = Enumerable.Range(0, 30_000).Select(i => E(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "POINT (1 1)")).ToList();

        Assert.ThrowsAny<OperationCanceledException>(() => SpatialEnricher.Enrich(estates, Communes, Districts, cts.Token));
    }

    [Fact]
    public void Enrich_NoReferenceLayers_ReturnsInputUnchanged()
    {
        var estates = new[] { E("a", "POINT (20 20)", commune: "01001") };

        var result = SpatialEnricher.Enrich(estates, null, []);

        Assert.Same(estates[0], result.Estates[0]);
        Assert.False(result.Report.CommunesUsed);
    }
}
