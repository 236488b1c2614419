namespace Territory.Planning.Location;

/// <summary>Checks a <see cref="SitePlanRequest"/> and derives the fixed sites and capacities; bad input throws <see cref="PlanningException"/>.</summary>
internal static class RequestValidation
{
    public static (bool[] Fixed, long[]? Capacity) Check(SitePlanRequest r)
    {
        if (r.Candidates.Count == 0) throw new PlanningException(PlanningErrorCodes.NoCandidates);
        if (!(r.Minutes > 0) || !double.IsFinite(r.Minutes)) throw new PlanningException(PlanningErrorCodes.MinutesInvalid, ("minutes", r.Minutes));
        if (r.Minutes * 60 > r.Matrix.MaxSeconds + 1e-6)
            throw new PlanningException(PlanningErrorCodes.MinutesBeyondMatrix, ("minutes", r.Minutes), ("matrix_minutes", r.Matrix.MaxSeconds / 60));
        if (r.Problem.NeedsCount())
        {
            if (r.Count is not { } p || p < 1) throw new PlanningException(PlanningErrorCodes.CountInvalid, ("count", r.Count ?? 0));
            if (p > r.Candidates.Count)
                throw new PlanningException(PlanningErrorCodes.CountExceedsCandidates, ("count", p), ("candidates", r.Candidates.Count));
        }
        if (r.BudgetEuros is { } budget && (!(budget >= 0) || !double.IsFinite(budget)))
            throw new PlanningException(PlanningErrorCodes.BudgetInvalid, ("budget", budget));
        if (r.BudgetEuros is not null && r.Problem is not (PlanningProblem.Mclp or PlanningProblem.Lscp))
            throw new PlanningException(PlanningErrorCodes.BudgetProblem, ("problem", r.Problem.Code()));
        if (!(r.TimeLimitSeconds > 0)) throw new PlanningException(PlanningErrorCodes.TimeLimitInvalid, ("seconds", r.TimeLimitSeconds));
        Same("sites", r.Matrix.SiteIds, r.Candidates.Select(c => c.Id).ToArray());
        Same("estates", r.Matrix.EstateIds, r.Demand.Select(d => d.EstateId).ToArray());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in r.Candidates)
            if (!ids.Add(c.Id)) throw new PlanningException(PlanningErrorCodes.DuplicateId, ("what", "site"), ("id", c.Id));
        foreach (var d in r.Demand)
        {
            if (d.Dwellings < 0) throw new PlanningException(PlanningErrorCodes.DemandInvalid, ("estate", d.EstateId), ("value", d.Dwellings));
            if (!(d.Weight >= 0) || !double.IsFinite(d.Weight))
                throw new PlanningException(PlanningErrorCodes.DemandInvalid, ("estate", d.EstateId), ("value", d.Weight));
        }

        var isFixed = r.Candidates.Select(c => r.KeepExisting && c.Existing).ToArray();
        int fixedCount = isFixed.Count(f => f);
        if (r.Problem.NeedsCount() && fixedCount > r.Count)
            throw new PlanningException(PlanningErrorCodes.FixedExceedCount, ("fixed", fixedCount), ("count", r.Count));

        if (r.Capacity is <= 0) throw new PlanningException(PlanningErrorCodes.CapacityInvalid, ("site", null), ("capacity", r.Capacity));
        foreach (var c in r.Candidates)
            if (c.Capacity is <= 0) throw new PlanningException(PlanningErrorCodes.CapacityInvalid, ("site", c.Id), ("capacity", c.Capacity));
        bool capacitated = r.Capacity is not null || r.Candidates.Any(c => c.Capacity is not null);
        var capacity = capacitated ? r.Candidates.Select(c => (long?)c.Capacity ?? r.Capacity ?? long.MaxValue).ToArray() : null;
        return (isFixed, capacity);
    }

    private static void Same(string what, IReadOnlyList<string> matrix, IReadOnlyList<string> request)
    {
        if (matrix.Count != request.Count)
            throw new PlanningException(PlanningErrorCodes.MatrixMismatch, ("what", what), ("expected", matrix.Count), ("actual", request.Count));
        for (int i = 0; i < matrix.Count; i++)
            if (!string.Equals(matrix[i], request[i], StringComparison.Ordinal))
                throw new PlanningException(PlanningErrorCodes.MatrixMismatch, ("what", what), ("expected", matrix[i]), ("actual", request[i]));
    }
}
