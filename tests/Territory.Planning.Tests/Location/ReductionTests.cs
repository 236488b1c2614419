using Territory.Planning.Location;
using static Territory.Planning.Tests.PlanningTestData;

namespace Territory.Planning.Tests.Location;

/// <summary>Reductions that keep the optimum: implied covering rows, dominated sites, sites the Lagrangian bound rules out.</summary>
public sealed class ReductionTests
{
    [Fact]
    public void Redundant_SupersetAndDuplicateRows_AreImplied()
    {
        int[][] rows = [[0, 1], [0, 1, 2], [3], [0, 1], [], [2, 3]];
        var redundant = CoverRows.Redundant(rows, 4, new Deadline(10, default));
        Assert.Equal([false, true, false, true, false, true], redundant);
    }

    [Fact]
    public void Find_SiteReachingASubsetNoFaster_IsDominatedUnlessFixed()
    {
        // S1 reaches E0, E1 (a subset of S0's reach); S2 reaches E1 faster than S0; S3 is fixed and reaches E0 only.
        double?[,] minutes =
        {
            { 5, 5, 5, null },
            { 6, 6, null, null },
            { null, 2, null, 9 },
            { 7, null, null, null },
        };
        var coverage = Instance(PlanningProblem.Mclp, minutes);
        Assert.Equal([false, true, false, false], SiteDominance.Find(coverage, new Deadline(10, default)));
        var median = Instance(PlanningProblem.PMedian, minutes);
        Assert.Equal([false, true, false, false], SiteDominance.Find(median, new Deadline(10, default)));
        minutes[1, 0] = 4; // now faster than S0 to E0: not dominated for p-median, still for coverage
        Assert.Equal([false, false, false, false], SiteDominance.Find(Instance(PlanningProblem.PMedian, minutes), new Deadline(10, default)));
        Assert.Equal([false, true, false, false], SiteDominance.Find(Instance(PlanningProblem.Mclp, minutes), new Deadline(10, default)));
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    [InlineData(43)]
    public void Compute_PMedianProbing_NeverClosesASiteOfTheOptimum(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 9, 40, 0.5);
        var request = Request(PlanningProblem.PMedian, minutes, dwellings, 45, 3);
        var (isFixed, capacity) = RequestValidation.Check(request);
        var inst = LocationInstance.Create(request, isFixed, capacity);
        var heuristic = Evaluator.Nearest(inst, MedianHeuristic.Greedy(inst));
        var result = LagrangianBound.Compute(inst, heuristic, null, new Deadline(10, default), 5)!;
        long optimum = BruteForce.PMedian(minutes, dwellings, 45, 3);
        Assert.True(result.Bound <= optimum + 1e-6, $"bound {result.Bound} above the optimum {optimum}");
        // Every optimal subset avoids the closed sites.
        foreach (var set in Subsets(9, 3))
        {
            var open = Enumerable.Range(0, 9).Select(s => set.Contains(s)).ToArray();
            if (Evaluator.Nearest(inst, open).Objective == optimum)
                Assert.DoesNotContain(set, s => result.Closed[s]);
        }
    }

    private static LocationInstance Instance(PlanningProblem problem, double?[,] minutes)
    {
        var request = Request(problem, minutes, [10, 10, 10, 10], 30, 2, existing: s => s == 3, keepExisting: true);
        var (isFixed, capacity) = RequestValidation.Check(request);
        return LocationInstance.Create(request, isFixed, capacity);
    }
}
