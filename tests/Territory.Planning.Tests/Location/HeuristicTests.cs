using Territory.Planning.Location;
using static Territory.Planning.Tests.PlanningTestData;

namespace Territory.Planning.Tests.Location;

/// <summary>The interchange never loses what the greedy found; fixed sites survive it.</summary>
public sealed class HeuristicTests
{
    public static TheoryData<int> Seeds => [11, 12, 13, 14, 15];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Interchange_Mclp_NeverWorseThanGreedy(int seed)
    {
        var inst = Instance(PlanningProblem.Mclp, seed, 30);
        var greedy = Evaluator.Nearest(inst, MclpHeuristic.Greedy(inst));
        var improved = Evaluator.Nearest(inst, MclpHeuristic.Interchange(inst, greedy.Open, new Deadline(10, default)));
        Assert.True(improved.Objective >= greedy.Objective);
        Assert.Equal(inst.P, improved.OpenCount);
        Assert.True(improved.Open[0] && improved.Open[1]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Interchange_PMedian_NeverWorseThanGreedy(int seed)
    {
        var inst = Instance(PlanningProblem.PMedian, seed, 45);
        var greedy = Evaluator.Nearest(inst, MedianHeuristic.Greedy(inst));
        var improved = Evaluator.Nearest(inst, MedianHeuristic.Interchange(inst, greedy.Open, new Deadline(10, default)));
        Assert.True(improved.Objective <= greedy.Objective);
        Assert.Equal(inst.P, improved.OpenCount);
        Assert.True(improved.Open[0] && improved.Open[1]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cover_Lscp_CoversEveryGroupWithoutRedundantSite(int seed)
    {
        var inst = Instance(PlanningProblem.Lscp, seed, 20);
        var open = LscpHeuristic.Cover(inst)!;
        var solution = Evaluator.Nearest(inst, open);
        Assert.True(solution.Feasible);
        for (int s = 0; s < inst.SiteCount; s++)
        {
            if (!open[s] || inst.Fixed[s]) continue;
            open[s] = false;
            Assert.False(Evaluator.Nearest(inst, open).Feasible, $"site {s} is redundant");
            open[s] = true;
        }
    }

    private static LocationInstance Instance(PlanningProblem problem, int seed, double limit)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 40, 300, 0.15);
        var request = Request(problem, minutes, dwellings, limit, problem == PlanningProblem.Lscp ? null : 8,
            existing: s => s < 2, keepExisting: true);
        var (isFixed, capacity) = RequestValidation.Check(request);
        return LocationInstance.Create(request, isFixed, capacity);
    }
}
