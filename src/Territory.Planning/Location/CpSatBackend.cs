using System.Globalization;
using Google.OrTools.Sat;

namespace Territory.Planning.Location;

/// <summary>Solves a <see cref="LinearModel"/> with OR-Tools CP-SAT (the proto is written directly: no per-term wrappers).</summary>
/// <remarks>
/// Parameters: wall-clock limit, <c>num_workers</c> (the machine's cores by default), a fixed
/// <c>random_seed</c>, and the hint as a starting solution. CP-SAT minimises; a maximisation is
/// negated with a scaling factor of −1, so the response reads in the model's sense.
/// </remarks>
internal static class CpSatBackend
{
    public static ExactOutcome Solve(LinearModel m, double timeLimitSeconds, int workers, int seed, CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var proto = model.Model;
        for (int v = 0; v < m.VarCount; v++) proto.Variables.Add(new IntegerVariableProto { Domain = { m.Lower(v), m.Upper(v) } });
        for (int r = 0; r < m.RowCount; r++)
        {
            var linear = new LinearConstraintProto();
            foreach (int v in m.RowVars(r)) linear.Vars.Add(v);
            foreach (long c in m.RowCoeffs(r)) linear.Coeffs.Add(c);
            linear.Domain.Add(Math.Max(m.RowLower(r), long.MinValue / 4));
            linear.Domain.Add(Math.Min(m.RowUpper(r), long.MaxValue / 4));
            proto.Constraints.Add(new ConstraintProto { Linear = linear });
        }
        var objective = new CpObjectiveProto { ScalingFactor = m.Maximize ? -1 : 1, Offset = m.Maximize ? -m.ObjectiveOffset : m.ObjectiveOffset };
        var hint = new PartialVariableAssignment();
        for (int v = 0; v < m.VarCount; v++)
        {
            long c = m.Objective(v);
            if (c != 0) { objective.Vars.Add(v); objective.Coeffs.Add(m.Maximize ? -c : c); }
            hint.Vars.Add(v); hint.Values.Add(m.Hint(v));
        }
        proto.Objective = objective;
        proto.SolutionHint = hint;

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.01, timeLimitSeconds):0.###} num_workers:{Math.Max(1, workers)} random_seed:{seed} log_search_progress:false"),
        };
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = NativeSolverGate.Run(() => solver.Solve(model));
        var response = solver.Response ?? throw new InvalidOperationException("CP-SAT returned no response.");
        bool hasSolution = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        var state = status switch
        {
            CpSolverStatus.Optimal => SolveStatus.Optimal,
            CpSolverStatus.Feasible => SolveStatus.Feasible,
            CpSolverStatus.Infeasible => SolveStatus.Infeasible,
            _ => SolveStatus.NoSolution,
        };
        return new ExactOutcome(state, hasSolution ? [.. response.Solution] : null, response.ObjectiveValue,
            status is CpSolverStatus.Optimal or CpSolverStatus.Feasible or CpSolverStatus.Unknown ? response.BestObjectiveBound : null,
            SitePlanMethods.CpSat);
    }
}
