using Territory.Planning.Location;
using static Territory.Planning.Tests.PlanningTestData;

namespace Territory.Planning.Tests.Location;

public sealed class BudgetTests
{
    // Within 20 min: S0 covers E0+E1 = 150 dwellings, S1 E1+E2 = 130, S2 E3+E4 = 100 (see SitePlannerTests).
    private static readonly double?[,] Small =
    {
        { 5, 10, null, 40, null },
        { null, 12, 15, null, 50 },
        { 30, null, null, 8, 9 },
    };

    private static readonly int[] SmallDwellings = [100, 50, 80, 60, 40];

    private static SitePlanRequest WithCosts(SitePlanRequest request, double? budget, params double?[] costs) => request with
    {
        Candidates = request.Candidates.Select((c, i) => c with { YearlyCost = costs[i] }).ToArray(),
        BudgetEuros = budget,
    };

    [Theory]
    [InlineData(SolveMode.Exact, null, new[] { "S0", "S2" }, 250)]
    [InlineData(SolveMode.Exact, 40_000.0, new[] { "S1", "S2" }, 230)]
    [InlineData(SolveMode.Exact, 20_000.0, new[] { "S1" }, 130)]
    [InlineData(SolveMode.Heuristic, null, new[] { "S0", "S2" }, 250)]
    [InlineData(SolveMode.Heuristic, 40_000.0, new[] { "S1", "S2" }, 230)]
    [InlineData(SolveMode.Heuristic, 20_000.0, new[] { "S1" }, 130)]
    public void Plan_MclpTwoSitesUnderBudget_OptimumFollowsTheBudget(SolveMode mode, double? budget, string[] expected, long covered)
    {
        // Costs: S0 30 000 €, S1 12 000 €, S2 15 000 €. S0 + S2 (45 000 €) is best without a budget; at 40 000 €, S1 + S2
        // (27 000 €) beats S0 + S1 (42 000 €, over); at 20 000 € a single site fits, S1 the best of those within it.
        var request = WithCosts(Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 2) with { Mode = mode }, budget, 30_000, 12_000, 15_000);
        var plan = SitePlanner.Plan(request);
        Assert.Equal(expected, plan.Chosen.Select(c => c.Id));
        Assert.Equal(covered, plan.CoveredDwellings);
        if (mode == SolveMode.Exact) Assert.True(plan.Optimal);
    }

    // S0 covers all three estates but costs 50 000 €; S1 (E0, E1) and S2 (E2) 10 000 € each.
    private static readonly double?[,] Cover =
    {
        { 5, 5, 5 },
        { 5, 5, null },
        { null, null, 5 },
    };

    [Theory]
    [InlineData(SolveMode.Exact)]
    [InlineData(SolveMode.Heuristic)]
    public void Plan_LscpUnderBudget_MoreCheaperSitesOrNone(SolveMode mode)
    {
        var request = Request(PlanningProblem.Lscp, Cover, [10, 10, 10], 10, null) with { Mode = mode };
        Assert.Equal(["S0"], SitePlanner.Plan(WithCosts(request, null, 50_000, 10_000, 10_000)).Chosen.Select(c => c.Id));
        var thrifty = SitePlanner.Plan(WithCosts(request, 30_000, 50_000, 10_000, 10_000));
        Assert.Equal(["S1", "S2"], thrifty.Chosen.Select(c => c.Id));
        Assert.Equal(30, thrifty.CoveredDwellings);
        if (mode == SolveMode.Exact) Assert.True(thrifty.Optimal);
        var none = SitePlanner.Plan(WithCosts(request, 15_000, 50_000, 10_000, 10_000));
        Assert.NotEqual(SolveStatus.Optimal, none.Status);
        Assert.NotEqual(SolveStatus.Feasible, none.Status);
        Assert.Empty(none.Chosen);
    }

    [Fact]
    public void Plan_SitesWithoutCostOrExisting_CountZeroAgainstTheBudget()
    {
        // S0 has no declared cost, S2 is an existing point (its cost is not the plan's): both fit a budget of 0.
        var request = WithCosts(Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 2, existing: i => i == 2) with { Mode = SolveMode.Exact },
            0, null, 12_000, 99_000);
        var plan = SitePlanner.Plan(request);
        Assert.Equal(["S0", "S2"], plan.Chosen.Select(c => c.Id));
    }

    [Theory]
    [InlineData(PlanningProblem.PMedian, 1000.0, PlanningErrorCodes.BudgetProblem)]
    [InlineData(PlanningProblem.Mclp, -1.0, PlanningErrorCodes.BudgetInvalid)]
    public void Plan_BadBudget_ThrowsWithStableCode(PlanningProblem problem, double budget, string code)
    {
        var request = WithCosts(Request(problem, Small, SmallDwellings, 20, 1), budget, 1, 1, 1);
        Assert.Equal(code, Assert.Throws<PlanningException>(() => SitePlanner.Plan(request)).Code);
    }
}
