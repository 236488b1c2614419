using Google.OrTools.LinearSolver;

namespace Territory.Planning.Location;

/// <summary>Solves a <see cref="LinearModel"/> with an OR-Tools linear-solver backend (HiGHS, SCIP, CBC…).</summary>
/// <remarks>Continuous variables stay continuous here (their LP is tighter to solve); the hint is passed as a MIP start (not to HiGHS, see below).</remarks>
internal static class MipBackend
{
    public static ExactOutcome Solve(LinearModel m, string backend, double timeLimitSeconds, int workers, CancellationToken cancellationToken) =>
        NativeSolverGate.Run(() => SolveAlone(m, backend, timeLimitSeconds, workers, cancellationToken));

    private static ExactOutcome SolveAlone(LinearModel m, string backend, double timeLimitSeconds, int workers, CancellationToken cancellationToken)
    {
        using var solver = Solver.CreateSolver(backend) ?? throw new InvalidOperationException($"OR-Tools linear solver {backend} is not available.");
        bool highs = string.Equals(backend, "HIGHS", StringComparison.OrdinalIgnoreCase);
        solver.SuppressOutput();
        if (highs) solver.SetSolverSpecificParametersAsString("output_flag=false");
        var vars = new Variable[m.VarCount];
        var objective = solver.Objective();
        for (int v = 0; v < m.VarCount; v++)
        {
            vars[v] = solver.MakeVar(m.Lower(v), m.Upper(v), m.IsInteger(v), "");
            if (m.Objective(v) != 0) objective.SetCoefficient(vars[v], m.Objective(v));
        }
        objective.SetOffset(m.ObjectiveOffset);
        if (m.Maximize) objective.SetMaximization(); else objective.SetMinimization();
        for (int r = 0; r < m.RowCount; r++)
        {
            double lo = m.RowLower(r) <= -LinearModel.Infinity ? double.NegativeInfinity : m.RowLower(r);
            double hi = m.RowUpper(r) >= LinearModel.Infinity ? double.PositiveInfinity : m.RowUpper(r);
            var row = solver.MakeConstraint(lo, hi, "");
            var rv = m.RowVars(r);
            var rc = m.RowCoeffs(r);
            for (int k = 0; k < rv.Length; k++) row.SetCoefficient(vars[rv[k]], rc[k]);
        }
        // OR-Tools 9.15 crashes when a hint is passed to HiGHS. No thread count: OR-Tools' SCIP is built without
        // parallel solving (more threads → ABNORMAL), CBC does not take it through this call.
        if (!highs)
        {
            var hint = new double[m.VarCount];
            for (int v = 0; v < hint.Length; v++) hint[v] = m.Hint(v);
            solver.SetHint(solver.variables(), hint);
        }
        _ = workers;
        solver.SetTimeLimit((long)(Math.Max(0.01, timeLimitSeconds) * 1000));
        using var stop = cancellationToken.Register(() => solver.InterruptSolve());
        // Proven means proven: the backends' default relative gap (SCIP 1e-4) would stop one dwelling short of the
        // optimum on a regional instance and leave the plan « not proven »; the time limit bounds the proof's cost.
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        var status = solver.Solve(parameters);
        bool hasSolution = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        var values = hasSolution ? vars.Select(v => (long)Math.Round(v.SolutionValue())).ToArray() : null;
        var state = status switch
        {
            Solver.ResultStatus.OPTIMAL => SolveStatus.Optimal,
            Solver.ResultStatus.FEASIBLE => SolveStatus.Feasible,
            Solver.ResultStatus.INFEASIBLE => SolveStatus.Infeasible,
            _ => SolveStatus.NoSolution,
        };
        return new ExactOutcome(state, values, hasSolution ? objective.Value() : double.NaN, hasSolution ? objective.BestBound() : null,
            SitePlanMethods.MipPrefix + backend.ToLowerInvariant());
    }
}
