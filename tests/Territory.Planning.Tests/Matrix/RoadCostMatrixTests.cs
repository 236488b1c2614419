using Territory.Planning.Matrix;
using Territory.Routing.Algorithms;
using static Territory.Planning.Tests.Matrix.TestGraphs;

namespace Territory.Planning.Tests.Matrix;

public sealed class RoadCostMatrixTests
{
    private static LonLatPoint[] Named(string prefix, (double Lon, double Lat)[] points) =>
        points.Select((p, i) => new LonLatPoint(prefix + i, p.Lon, p.Lat)).ToArray();

    [Fact]
    public void FromRoadGraph_OneWayLine_FollowsTheDirectionFromSiteToEstate()
    {
        var graph = Line();
        // Site at node 1, estate at node 2: 1 → 2 is allowed (60 s); estate → site would need the 300 s detour.
        var sites = Named("S", [(Lon0 + 1000 * MeterLon, Lat0)]);
        var estates = Named("E", [(Lon0 + 2000 * MeterLon, Lat0), (Lon0, Lat0)]);
        var forward = CostMatrices.FromRoadGraph(graph, sites, estates, 3600);
        Assert.Equal(60, forward.Seconds(0, 0)!.Value, 3);
        Assert.Equal(60, forward.Seconds(0, 1)!.Value, 3);
        var backward = CostMatrices.FromRoadGraph(graph, Named("S", [(Lon0 + 2000 * MeterLon, Lat0)]), Named("E", [(Lon0 + 1000 * MeterLon, Lat0)]), 3600);
        Assert.Equal(300, backward.Seconds(0, 0)!.Value, 3);
        Assert.Equal(CostSource.RoadGraph, forward.Source);
        Assert.False(forward.Estimated);
    }

    [Fact]
    public void FromRoadGraph_Cutoff_DropsLongerPairs()
    {
        var graph = Line();
        var sites = Named("S", [(Lon0, Lat0)]);
        var estates = Named("E", [(Lon0 + 1000 * MeterLon, Lat0), (Lon0 + 2000 * MeterLon, Lat0), (Lon0 + 3000 * MeterLon, Lat0)]);
        var m = CostMatrices.FromRoadGraph(graph, sites, estates, 130);
        Assert.Equal([0, 1], m.EstatesOf(0).ToArray());
        Assert.Null(m.Seconds(0, 2));
        Assert.Equal(130, m.MaxSeconds);
    }

    [Theory]
    [InlineData(RoadMatrixAlgorithm.BoundedDijkstra)]
    [InlineData(RoadMatrixAlgorithm.Rphast)]
    public void FromRoadGraph_Grid_EqualsTheDijkstraMatrixWithinTheCutoff(RoadMatrixAlgorithm algorithm)
    {
        var graph = Grid(25, 25, seed: 3);
        var sites = Points(25, 25, 12, seed: 4);
        var estates = Points(25, 25, 150, seed: 5);
        var hierarchy = algorithm == RoadMatrixAlgorithm.Rphast ? ContractionHierarchy.Build(graph) : null;
        const double cutoff = 240;
        var m = CostMatrices.FromRoadGraph(graph, Named("S", sites), Named("E", estates), cutoff,
            new RoadMatrixOptions { Algorithm = algorithm, Hierarchy = hierarchy, MaxDegreeOfParallelism = 2 });
        var reference = TravelTimeMatrix.Compute(graph, sites, estates, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra });
        int within = 0;
        for (int s = 0; s < sites.Length; s++)
            for (int e = 0; e < estates.Length; e++)
            {
                var expected = reference[s, e].DurationSeconds;
                var actual = m.Seconds(s, e);
                if (expected is { } t && t <= cutoff)
                {
                    within++;
                    Assert.NotNull(actual);
                    Assert.Equal(t, actual.Value, 3);
                    int k = m.EstatesOf(s).IndexOf(e);
                    Assert.Equal(reference[s, e].DistanceMeters!.Value, m.MetersOf(s)[k], 0);
                }
                else Assert.Null(actual);
            }
        Assert.True(within > 100, $"only {within} pairs within the cut-off");
        Assert.Equal(within, m.PairCount);
    }

    [Fact]
    public void FromRoadGraph_PointFarFromRoads_IsUnreachableWithAReason()
    {
        var graph = Line();
        var sites = Named("S", [(Lon0, Lat0), (Lon0, Lat0 + 5000 * MeterLat)]);
        var estates = Named("E", [(Lon0 + 1000 * MeterLon, Lat0), (Lon0 + 1000 * MeterLon, Lat0 + 3000 * MeterLat), (double.NaN, double.NaN)]);
        var m = CostMatrices.FromRoadGraph(graph, sites, estates, 3600);
        Assert.Equal(PointIssueCodes.OutsideNetwork, m.SiteIssues[1]!.Value.Code); // beyond the line's hull

        Assert.Equal(0, m.EstatesOf(1).Length);
        var issue = m.EstateIssues[1]!.Value;
        Assert.Equal(PointIssueCodes.OutsideNetwork, issue.Code); // 3 km off a road network whose coverage ends 500 m from it
        Assert.Null(issue.SnapDistanceMeters);
        Assert.Equal(PointIssueCodes.NoLocation, m.EstateIssues[2]!.Value.Code);
        Assert.Equal([0], m.EstatesOf(0).ToArray());
        Assert.Null(m.SiteIssues[0]);
    }

    [Fact]
    public void FromRoadGraph_NonPositiveCutoff_ThrowsMinutesInvalid()
    {
        var e = Assert.Throws<PlanningException>(() => CostMatrices.FromRoadGraph(Line(), [], [], 0));
        Assert.Equal(PlanningErrorCodes.MinutesInvalid, e.Code);
    }
}
