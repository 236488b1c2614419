using Territory.Planning.Location;
using static Territory.Planning.Tests.PlanningTestData;

namespace Territory.Planning.Tests.Location;

/// <summary>The planner's optimum equals the enumeration of every p-subset on seeded random instances.</summary>
public sealed class BruteForceTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_MclpRandomInstance_MatchesBruteForce(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 9, 30, 0.4);
        var plan = SitePlanner.Plan(Request(PlanningProblem.Mclp, minutes, dwellings, 25, 3));
        Assert.True(plan.Optimal);
        Assert.Equal(BruteForce.Mclp(minutes, dwellings, 25, 3), plan.CoveredDwellings);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_MclpWithFixedSite_MatchesBruteForceWithThatSite(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 8, 25, 0.4);
        var plan = SitePlanner.Plan(Request(PlanningProblem.Mclp, minutes, dwellings, 25, 3, existing: s => s == 4, keepExisting: true));
        Assert.Contains(plan.Chosen, c => c.Id == "S4");
        Assert.Equal(BruteForce.Mclp(minutes, dwellings, 25, 3, mustOpen: [4]), plan.CoveredDwellings);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_PMedianRandomInstance_MatchesBruteForce(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 9, 30, 0.5);
        var plan = SitePlanner.Plan(Request(PlanningProblem.PMedian, minutes, dwellings, 45, 3));
        Assert.True(plan.Optimal);
        Assert.Equal(BruteForce.PMedian(minutes, dwellings, 45, 3), plan.Objective);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_PCenterRandomInstance_MatchesBruteForce(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 9, 30, 0.5);
        var plan = SitePlanner.Plan(Request(PlanningProblem.PCenter, minutes, dwellings, 45, 3));
        Assert.True(plan.Optimal);
        Assert.Equal(BruteForce.PCenter(minutes, 45, 3), plan.Objective);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_LscpRandomInstance_MatchesBruteForce(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 10, 30, 0.25);
        var plan = SitePlanner.Plan(Request(PlanningProblem.Lscp, minutes, dwellings, 30, null));
        Assert.True(plan.Optimal);
        Assert.Equal(BruteForce.Lscp(minutes, 30), plan.Count);
        Assert.All(plan.Assignments, a => Assert.NotEqual(AssignmentStatus.NotServed, a.Status));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_CapacitatedMclpRandomInstance_MatchesBruteForceAndRespectsCapacity(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 5, 8, 0.6);
        var plan = SitePlanner.Plan(Request(PlanningProblem.Mclp, minutes, dwellings, 40, 2, capacity: 250));
        Assert.True(plan.Optimal);
        Assert.Equal(BruteForce.CapacitatedMclp(minutes, dwellings, 40, 2, 250), plan.CoveredDwellings);
        Assert.All(plan.Chosen, c => Assert.True(c.Dwellings <= 250, $"{c.Id} serves {c.Dwellings}"));
        Assert.All(plan.Assignments.Where(a => a.SiteId is not null), a => Assert.True(a.Seconds <= 40 * 60));
    }
}
