using Territory.Planning.Location;
using static Territory.Planning.Tests.PlanningTestData;

namespace Territory.Planning.Tests.Location;

/// <summary>The integer models alone (no heuristic, no Lagrangian), on CP-SAT and on MIP backends, against brute force.</summary>
public sealed class FormulationTests
{
    public static TheoryData<PlanningProblem, string, int> Cases()
    {
        var data = new TheoryData<PlanningProblem, string, int>();
        foreach (var problem in Enum.GetValues<PlanningProblem>())
            foreach (var backend in new[] { "CP-SAT", "SCIP", "HIGHS" })
                foreach (int seed in new[] { 21, 22, 23 })
                    data.Add(problem, backend, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_PoorHint_ReachesTheBruteForceOptimum(PlanningProblem problem, string backend, int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 8, 25, 0.45);
        double t = problem is PlanningProblem.Mclp or PlanningProblem.Lscp ? 25 : 45;
        var request = Request(problem, minutes, dwellings, t, problem == PlanningProblem.Lscp ? null : 3);
        var (isFixed, capacity) = RequestValidation.Check(request);
        var inst = LocationInstance.Create(request, isFixed, capacity);
        // Hint: the first sites (p of them, or all for LSCP), a feasible but poor plan.
        var open = Enumerable.Range(0, inst.SiteCount).Select(s => problem == PlanningProblem.Lscp || s < 3).ToArray();
        var hint = Evaluator.Nearest(inst, open);
        var formulation = LocationFormulation.Build(inst, hint);
        var outcome = backend == "CP-SAT"
            ? CpSatBackend.Solve(formulation.Model, 20, 2, 0, default)
            : MipBackend.Solve(formulation.Model, backend, 20, 2, default);
        Assert.Equal(SolveStatus.Optimal, outcome.Status);
        var plan = formulation.Decode(inst, outcome.Values!);
        long expected = problem switch
        {
            PlanningProblem.Mclp => BruteForce.Mclp(minutes, dwellings, t, 3),
            PlanningProblem.PMedian => BruteForce.PMedian(minutes, dwellings, t, 3),
            PlanningProblem.PCenter => BruteForce.PCenter(minutes, t, 3),
            _ => BruteForce.Lscp(minutes, t),
        };
        Assert.Equal(expected, plan.Objective);
        Assert.Equal(expected, outcome.Objective, 6);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Solve_CapacitatedMclp_ModelAloneMatchesBruteForce(int seed)
    {
        var (minutes, dwellings) = PlanningTestData.Random(seed, 5, 8, 0.6);
        var request = Request(PlanningProblem.Mclp, minutes, dwellings, 40, 2, capacity: 250);
        var (isFixed, capacity) = RequestValidation.Check(request);
        var inst = LocationInstance.Create(request, isFixed, capacity);
        var open = Enumerable.Range(0, inst.SiteCount).Select(s => s < 2).ToArray();
        var hint = Evaluator.Assigned(inst, open, CapacitatedAssignment.Assign(inst, open));
        var formulation = LocationFormulation.Build(inst, hint);
        var outcome = CpSatBackend.Solve(formulation.Model, 20, 2, 0, default);
        Assert.Equal(BruteForce.CapacitatedMclp(minutes, dwellings, 40, 2, 250), formulation.Decode(inst, outcome.Values!).Objective);
    }
}
