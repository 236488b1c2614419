using Territory.Planning.Location;
using static Territory.Planning.Tests.PlanningTestData;

namespace Territory.Planning.Tests.Location;

public sealed class SitePlannerTests
{
    // Three sites, five estates (minutes; null = no road):
    //        E0  E1  E2  E3  E4
    //   S0    5  10   -  40   -
    //   S1    -  12  15   -  50
    //   S2   30   -   -   8   9
    private static readonly double?[,] Small =
    {
        { 5, 10, null, 40, null },
        { null, 12, 15, null, 50 },
        { 30, null, null, 8, 9 },
    };

    private static readonly int[] SmallDwellings = [100, 50, 80, 60, 40];

    [Fact]
    public void Plan_MclpOneSiteTwentyMinutes_PicksTheSiteCoveringMostDwellings()
    {
        // Within 20 min: S0 covers E0+E1 = 150, S1 covers E1+E2 = 130, S2 covers E3+E4 = 100.
        var plan = SitePlanner.Plan(Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 1));
        Assert.Equal(["S0"], plan.Chosen.Select(c => c.Id));
        Assert.Equal(150, plan.CoveredDwellings);
        Assert.Equal(330, plan.TotalDwellings);
        Assert.Equal(150, plan.Objective);
        Assert.True(plan.Optimal);
        Assert.Equal(0, plan.Gap);
        Assert.Equal(SolveStatus.Optimal, plan.Status);
    }

    [Fact]
    public void Plan_MclpTwoSites_CoversComplementaryAreas()
    {
        // S0 + S2 = 250, S1 + S2 = 230, S0 + S1 = 230.
        var plan = SitePlanner.Plan(Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 2));
        Assert.Equal(["S0", "S2"], plan.Chosen.Select(c => c.Id));
        Assert.Equal(250, plan.CoveredDwellings);
        Assert.Equal("S0", plan.Assignments[1].SiteId);
        Assert.Equal(600, plan.Assignments[1].Seconds);
        Assert.Equal(AssignmentStatus.NotServed, plan.Assignments[2].Status);
    }

    [Fact]
    public void Plan_LscpTenMinutes_ReportsUncoverableEstatesAndCoversTheRest()
    {
        // Within 10 min: E0, E1 by S0; E3, E4 by S2; E2 by nobody (15 min).
        var plan = SitePlanner.Plan(Request(PlanningProblem.Lscp, Small, SmallDwellings, 10, null));
        Assert.Equal(["S0", "S2"], plan.Chosen.Select(c => c.Id));
        var uncoverable = Assert.Single(plan.Uncoverable);
        Assert.Equal(("E2", "beyond_minutes"), (uncoverable.EstateId, uncoverable.Reason));
        Assert.Equal(AssignmentStatus.Uncoverable, plan.Assignments[2].Status);
        Assert.Equal(250, plan.CoveredDwellings);
        Assert.Equal(2, plan.Objective);
        Assert.True(plan.Optimal);
    }

    [Fact]
    public void Plan_PMedianOneSite_MinimisesDwellingWeightedTime()
    {
        // T = 60: S0 = 100·5 + 50·10 + 60·40 + (E2, E4 beyond: 2·60 min)·(80+40) = 3400 + 14400 min
        //         S1 = 100·120 + 50·12 + 80·15 + 60·120 + 40·50 = 23000 min
        //         S2 = 100·30 + 50·120 + 80·120 + 60·8 + 40·9 = 19440 min  → S0 (17800 min).
        var plan = SitePlanner.Plan(Request(PlanningProblem.PMedian, Small, SmallDwellings, 60, 1));
        Assert.Equal(["S0"], plan.Chosen.Select(c => c.Id));
        Assert.Equal(17_800 * 60, plan.Objective);
        Assert.True(plan.Optimal);
    }

    [Fact]
    public void Plan_PCenterTwoSites_MinimisesTheWorstTime()
    {
        // S1 + S2 serve everyone within 15 min (E0 30 via S2… no: E0 by S2 at 30) → worst 30;
        // S0 + S1: E3 40, E4 50 → 50; S0 + S2: E2 beyond → penalty. Best: S1 + S2 with 30 min.
        var plan = SitePlanner.Plan(Request(PlanningProblem.PCenter, Small, SmallDwellings, 60, 2));
        Assert.Equal(["S1", "S2"], plan.Chosen.Select(c => c.Id));
        Assert.Equal(30 * 60, plan.Objective);
        Assert.Equal(30, plan.WorstMinutes);
        Assert.True(plan.Optimal);
    }

    [Fact]
    public void Plan_KeepExisting_KeepsTheExistingSiteOpen()
    {
        var request = Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 2, existing: s => s == 1, keepExisting: true);
        var plan = SitePlanner.Plan(request);
        // S1 (130) plus S0 (+100) or S2 (+100): 230 either way, below the free optimum of 250.
        Assert.Contains(plan.Chosen, c => c.Id == "S1" && c.Fixed && c.Existing);
        Assert.Equal(2, plan.Count);
        Assert.Equal(230, plan.CoveredDwellings);
        Assert.True(plan.Optimal);
    }

    [Fact]
    public void Plan_ExistingNotKept_IsFreeToClose()
    {
        var plan = SitePlanner.Plan(Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 2, existing: s => s == 1));
        Assert.Equal(["S0", "S2"], plan.Chosen.Select(c => c.Id));
    }

    [Fact]
    public void Plan_CapacitatedMclp_RespectsCapacityAndAssignsWholeEstates()
    {
        // One site, capacity 120: S0 can take E0 (100) or E1 (50) but not both; S1 takes E1+E2 = 130 > 120 → E2 (80).
        var request = Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 1, capacity: 120);
        var plan = SitePlanner.Plan(request);
        Assert.Equal(100, plan.CoveredDwellings);
        Assert.All(plan.Chosen, c => Assert.True(c.Dwellings <= 120));
        Assert.True(plan.Optimal);
    }

    [Fact]
    public void Plan_CandidateCapacity_WinsOverTheRequestCapacity()
    {
        var request = Request(PlanningProblem.Mclp, Small, SmallDwellings, 20, 1, capacity: 1000) with
        {
            Candidates = Sites(3, capacity: s => s == 0 ? 60 : null),
        };
        var plan = SitePlanner.Plan(request);
        // S0 limited to 60 (E1 only) → S1 with E1 + E2 = 130 is better.
        Assert.Equal(["S1"], plan.Chosen.Select(c => c.Id));
        Assert.Equal(130, plan.CoveredDwellings);
    }

    [Fact]
    public void Plan_CapacitatedLscp_OpensMoreSitesThanUncapacitated()
    {
        // Within 60 min, S0 + S1 cover everything; with 160 dwellings a site, S1 cannot take E1 + E2 + E4
        // (170) and S0 is full with E0 + E3 (160): a third site is needed.
        var uncapacitated = SitePlanner.Plan(Request(PlanningProblem.Lscp, Small, SmallDwellings, 60, null));
        var capacitated = SitePlanner.Plan(Request(PlanningProblem.Lscp, Small, SmallDwellings, 60, null, capacity: 160));
        Assert.Equal(2, uncapacitated.Count);
        Assert.Equal(3, capacitated.Count);
        Assert.True(capacitated.Optimal);
        Assert.Equal(330, capacitated.CoveredDwellings);
        Assert.All(capacitated.Chosen, c => Assert.True(c.Dwellings <= 160, $"{c.Id} serves {c.Dwellings}"));
    }

    [Fact]
    public void Plan_CapacitatedLscpTooSmall_IsInfeasible()
    {
        // Within 20 min, E1 (50) can go to S0 (with E0: 150) or S1 (with E2: 130): both exceed 110.
        var plan = SitePlanner.Plan(Request(PlanningProblem.Lscp, Small, SmallDwellings, 20, null, capacity: 110));
        Assert.Equal(SolveStatus.Infeasible, plan.Status);
        Assert.False(plan.Optimal);
    }

    [Fact]
    public void Plan_Heuristic_ReportsAValidBoundAndNeverClaimsUnprovenOptimality()
    {
        var (minutes, dwellings) = PlanningTestData.Random(7, 12, 60);
        var request = Request(PlanningProblem.Mclp, minutes, dwellings, 20, 3) with { Mode = SolveMode.Heuristic };
        var heuristic = SitePlanner.Plan(request);
        var exact = SitePlanner.Plan(request with { Mode = SolveMode.Exact });
        Assert.Equal(SitePlanMethods.Heuristic, heuristic.Method);
        Assert.NotNull(heuristic.Bound);
        Assert.True(heuristic.Bound >= exact.Objective - 1e-6, $"bound {heuristic.Bound} < optimum {exact.Objective}");
        Assert.Equal(heuristic.Optimal, heuristic.Gap == 0);
    }
}
