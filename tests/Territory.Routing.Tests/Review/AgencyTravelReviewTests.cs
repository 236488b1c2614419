using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Routing.Review;

namespace Territory.Routing.Tests.Review;

public sealed class AgencyTravelReviewTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);
    private static readonly Reprojector ToLambert93 = new(4326, 2154);

    private static Point L93(double lon, double lat)
    {
        var (x, y) = ToLambert93.Transform(lon, lat);
        return Factory.CreatePoint(new Coordinate(x, y));
    }

    private static Estate Estate(string id, double lon, double lat, int dwellings, string? agency = null) =>
        new() { Id = id, Geometry = L93(lon, lat), Dwellings = dwellings, AgencyId = agency };

    private static Agency Agency(string id, double lon, double lat) => new() { Id = id, Location = L93(lon, lat) };

    private static readonly (double Lon, double Lat) AndorraLaVella = (1.5218, 42.5063);
    private static readonly (double Lon, double Lat) PasDeLaCasa = (1.7340, 42.5430);

    [Fact]
    public void Compute_NoGraph_StraightLineEstimatesFlagged()
    {
        var estates = new[] { Estate("e1", 1.53, 42.51, 10), Estate("e2", 1.72, 42.54, 30) };
        var agencies = new[] { Agency("A", AndorraLaVella.Lon, AndorraLaVella.Lat), Agency("B", PasDeLaCasa.Lon, PasDeLaCasa.Lat) };
        var r = AgencyTravelReview.Compute(estates, agencies, 2154, graph: null);
        Assert.True(r.Estimated);
        Assert.All(r.Access, a => Assert.True(a.Estimated));
        Assert.Equal("A", r.Access[0].AgencyId);
        Assert.Equal("B", r.Access[1].AgencyId);
        double meters = GeoMath.HaversineMeters(AndorraLaVella.Lon, AndorraLaVella.Lat, 1.53, 42.51) * 1.3;
        Assert.Equal(meters / (40 / 3.6), r.Access[0].DurationSeconds!.Value, 0.5);
        Assert.All(r.Agencies, s => Assert.True(s.Estimated));
    }

    [Fact]
    public void Compute_Andorra_ManagingAgencyTimesAndStatistics()
    {
        var g = OsmGraphs.Andorra.Graph;
        var estates = new[]
        {
            Estate("near-A", 1.5300, 42.5090, 100),
            Estate("near-B-managed-by-A", 1.7300, 42.5420, 50, agency: "A"),
            Estate("near-B", 1.7320, 42.5435, 20),
            Estate("in-spain", 1.0, 42.0, 40, agency: "A"),
        };
        var agencies = new[] { Agency("A", AndorraLaVella.Lon, AndorraLaVella.Lat), Agency("B", PasDeLaCasa.Lon, PasDeLaCasa.Lat) };
        var r = AgencyTravelReview.Compute(estates, agencies, 2154, g);
        Assert.False(r.Estimated);
        Assert.Equal("A", r.Access[1].AgencyId);
        Assert.Equal("B", r.Estates[1].NearestAgencyId);
        Assert.True(r.Estates[1].ManagingDurationSeconds > r.Estates[1].NearestDurationSeconds);
        var routed = Router.Route(g, AndorraLaVella, (1.7300, 42.5420));
        Assert.Equal(routed.DurationSeconds, r.Access[1].DurationSeconds!.Value, 0.5);
        Assert.Null(r.Access[3].DurationSeconds);
        Assert.Equal("estate not snapped: outside the road network's coverage (beyond the extract's hull)", r.Access[3].UnreachableReason);
        Assert.Equal(Territory.Routing.Snapping.SnapFailureCode.OutsideNetwork, r.Estates[3].SnapFailureCode);
        var a = r.Agencies.Single(s => s.AgencyId == "A");
        Assert.Equal(3, a.EstateCount);
        Assert.Equal(190, a.Dwellings);
        Assert.Equal(1, a.UnreachableEstates);
        Assert.Equal(1, a.EstatesNearerToAnotherAgency);
        Assert.Equal(r.Access[1].DurationSeconds!.Value / 60, a.MaxMinutes!.Value, 1e-9);
        double mean = (r.Access[0].DurationSeconds!.Value * 100 + r.Access[1].DurationSeconds!.Value * 50) / 150 / 60;
        Assert.Equal(mean, a.MeanMinutes!.Value, 1e-9);
        Assert.Equal(r.Access[0].DurationSeconds!.Value / 60, a.MedianMinutes!.Value, 1e-9);
        Assert.Equal(50, a.DwellingsBeyondMinutes[20]);
        Assert.Equal(1, r.Agencies.Single(s => s.AgencyId == "B").EstateCount);
    }

    [Fact]
    public void Compute_EstateBesideIsolatedRoad_ReasonNamesLargestComponent()
    {
        var b = new RoadGraphBuilder();
        int n0 = b.AddNode(1.50, 42.50), n1 = b.AddNode(1.51, 42.50), n2 = b.AddNode(1.52, 42.50);
        b.AddEdge(n0, n1, 60); b.AddEdge(n1, n2, 60);
        int i0 = b.AddNode(1.51, 42.52), i1 = b.AddNode(1.512, 42.52);
        b.AddEdge(i0, i1, 10);
        var g = b.Build();
        var r = AgencyTravelReview.Compute([Estate("e", 1.511, 42.5201, 5)], [Agency("A", 1.50, 42.5001)], 2154, g);
        Assert.Null(r.Access[0].DurationSeconds);
        Assert.StartsWith("estate outside the largest connected road network", r.Access[0].UnreachableReason);
    }

    [Fact]
    public void Compute_FarPresencePoint_RowOfReasonsAndNoEffectOnTheOthers()
    {
        var g = OsmGraphs.Andorra.Graph;
        var estates = new[] { Estate("e1", 1.5300, 42.5090, 10, agency: "FAR"), Estate("e2", 1.7320, 42.5435, 20) };
        var agencies = new[] { Agency("A", AndorraLaVella.Lon, AndorraLaVella.Lat), Agency("FAR", 1.0, 42.0), Agency("B", PasDeLaCasa.Lon, PasDeLaCasa.Lat) };
        var r = AgencyTravelReview.Compute(estates, agencies, 2154, g);
        var m = r.Matrix!;
        for (int e = 0; e < 2; e++)
        {
            Assert.Null(m[1, e].DurationSeconds);
            Assert.Equal("source not snapped: outside the road network's coverage (beyond the extract's hull)", m[1, e].UnreachableReason);
            Assert.NotNull(m[0, e].DurationSeconds);
        }
        Assert.Throws<IndexOutOfRangeException>(() => m[1, 2]);
        Assert.Equal("agency not snapped: outside the road network's coverage (beyond the extract's hull)", r.UnsnappedAgencies["FAR"]);
        Assert.Equal("A", r.Estates[0].NearestAgencyId);
        Assert.Equal("B", r.Estates[1].NearestAgencyId);
        Assert.Null(r.Access[0].DurationSeconds);
        Assert.Equal(r.UnsnappedAgencies["FAR"], r.Access[0].UnreachableReason);
        var far = r.Agencies.Single(s => s.AgencyId == "FAR");
        Assert.Equal((1, 1, 1), (far.EstateCount, far.UnreachableEstates, far.EstatesNearerToAnotherAgency));
        Assert.Equal(1, r.Agencies.Single(s => s.AgencyId == "A").EstateCount + r.Agencies.Single(s => s.AgencyId == "B").EstateCount);
    }
}
