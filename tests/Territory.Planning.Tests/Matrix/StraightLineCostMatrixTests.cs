using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.Planning.Candidates;
using Territory.Planning.Matrix;
using Territory.Routing.Algorithms;

namespace Territory.Planning.Tests.Matrix;

public sealed class StraightLineCostMatrixTests
{
    [Fact]
    public void FromStraightLine_Pairs_EqualTheEstimatorAndAreFlaggedEstimated()
    {
        var estimator = new StraightLineEstimator();
        var sites = new[] { new LonLatPoint("S0", 1.44, 43.60), new LonLatPoint("S1", 2.15, 43.93) };
        var random = new Random(9);
        var estates = Enumerable.Range(0, 400).Select(i => new LonLatPoint("E" + i, 1.2 + random.NextDouble(), 43.4 + random.NextDouble() * 0.7)).ToArray();
        const double cutoff = 1200;
        var m = CostMatrices.FromStraightLine(sites, estates, cutoff, estimator);
        Assert.True(m.Estimated);
        Assert.Equal(CostSource.StraightLine, m.Source);
        int within = 0;
        for (int s = 0; s < sites.Length; s++)
            for (int e = 0; e < estates.Length; e++)
            {
                var expected = estimator.Estimate((sites[s].Lon, sites[s].Lat), (estates[e].Lon, estates[e].Lat));
                var actual = m.Seconds(s, e);
                if (expected.DurationSeconds <= cutoff) { within++; Assert.Equal(expected.DurationSeconds, actual!.Value, 1); }
                else Assert.Null(actual);
            }
        Assert.InRange(within, 10, 790);
    }

    [Fact]
    public void Build_NoGraph_FallsBackToStraightLineFromWorkingCrs()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 2154);
        // Toulouse (Capitole) and a point 8 km east, Lambert-93.
        var site = new CandidateSite { Id = "S", Kind = "lieu_relais", Source = CandidateSource.Imported, Location = factory.CreatePoint(new Coordinate(574_500, 6_279_500)) };
        var near = new Estate { Id = "E1", Geometry = factory.CreatePoint(new Coordinate(582_500, 6_279_500)), Dwellings = 10 };
        var far = new Estate { Id = "E2", Geometry = factory.CreatePoint(new Coordinate(674_500, 6_279_500)), Dwellings = 10 };
        var m = CostMatrices.Build([site], [near, far], 2154, graph: null, maxSeconds: 1800);
        Assert.True(m.Estimated);
        // 8 km × 1.3 at 40 km/h ≈ 936 s.
        Assert.InRange(m.Seconds(0, 0)!.Value, 900, 970);
        Assert.Null(m.Seconds(0, 1));
    }
}
