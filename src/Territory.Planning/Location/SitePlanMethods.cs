namespace Territory.Planning.Location;

/// <summary>Codes of <see cref="SitePlanFigures.Method"/>.</summary>
public static class SitePlanMethods
{
    /// <summary>OR-Tools CP-SAT, seeded with the heuristic's plan.</summary>
    public const string CpSat = "cp_sat";

    /// <summary>OR-Tools linear solver (MIP backend), seeded with the heuristic's plan; the code ends with the backend (<c>mip_highs</c>).</summary>
    public const string MipPrefix = "mip_";

    /// <summary>Greedy + interchange heuristic alone (large instance, heuristic mode, or no better exact plan in time).</summary>
    public const string Heuristic = "heuristic";
}
