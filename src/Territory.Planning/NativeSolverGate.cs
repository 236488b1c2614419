namespace Territory.Planning;

/// <summary>Lets one OR-Tools native solve run at a time in the process.</summary>
/// <remarks>
/// With OR-Tools 9.15 on Linux, solves running at once on several threads (CP-SAT, SCIP, HiGHS,
/// the routing solver) crashed or hung the process in our tests, one thread each; run one after the
/// other they never did (same reports upstream for CP-SAT and the routing solver). A server
/// planning for several users therefore queues the solves; each one already uses the machine's cores.
/// </remarks>
internal static class NativeSolverGate
{
    private static readonly Lock Gate = new();

    public static T Run<T>(Func<T> solve)
    {
        lock (Gate) return solve();
    }
}
