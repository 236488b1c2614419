namespace Territory.Planning.Location;

/// <summary>Stable codes of <see cref="PlanningProblem"/> (<c>lscp</c>, <c>mclp</c>, <c>pmedian</c>, <c>pcenter</c>), as the command line spells them.</summary>
public static class PlanningProblems
{
    public static string Code(this PlanningProblem problem) => problem switch
    {
        PlanningProblem.Lscp => "lscp",
        PlanningProblem.Mclp => "mclp",
        PlanningProblem.PMedian => "pmedian",
        PlanningProblem.PCenter => "pcenter",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    /// <summary>Problem from its code (case-insensitive); false for an unknown code.</summary>
    public static bool TryParse(string? code, out PlanningProblem problem)
    {
        foreach (var p in Enum.GetValues<PlanningProblem>())
            if (string.Equals(p.Code(), code, StringComparison.OrdinalIgnoreCase)) { problem = p; return true; }
        problem = PlanningProblem.Mclp;
        return false;
    }

    /// <summary>True for the problems that take a number of sites p (all but LSCP).</summary>
    public static bool NeedsCount(this PlanningProblem problem) => problem != PlanningProblem.Lscp;
}
