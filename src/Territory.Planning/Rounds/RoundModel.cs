using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Territory.Planning.Rounds;

/// <summary>The OR-Tools vehicle-routing model of the rounds: one vehicle per working day of the horizon.</summary>
/// <remarks>
/// <para>Nodes: the base (depot) and one node per visit — a weekly stop has one visit per week of the
/// horizon, each allowed only on that week's days; a fortnightly stop has one visit allowed on any
/// day of the two weeks. Vehicles: days × weeks, each leaving the base and returning the same day.</para>
/// <para>A time dimension (seconds) accumulates driving plus the stop time of the place left; its
/// capacity is the working day, so a day's route always fits (return included). Arc cost is the
/// driving alone, plus <see cref="BalanceWeight"/> × the longest day of the horizon (the dimension's
/// global span) and × each day's time beyond <see cref="BalanceTargetSeconds"/> (a soft bound): without them the solver, minimising driving alone, piles the stops into as few days as
/// possible and leaves others empty; with it, spreading work over the free days wins as long as it adds less
/// driving than weight × the time it takes off the longest day (0.5: one hour off the longest day is worth
/// thirty more minutes of driving). Each visit is a disjunction with a penalty far above any day's cost,
/// so a visit is dropped only when it fits nowhere.</para>
/// <para>Search: PATH_CHEAPEST_ARC first solution, then guided local search until the time limit.</para>
/// </remarks>
internal sealed class RoundModel
{
    /// <summary>Unreachable arcs cost this (seconds), beyond any day: the solver never uses them.</summary>
    private const long Forbidden = 1_000_000_000;

    /// <summary>Costs are seconds × this, so that a fractional balance weight stays an integer coefficient.</summary>
    private const long CostScale = 100;

    private readonly double[,] _seconds;
    private readonly long[] _service;
    private readonly int[] _pointOfNode;

    /// <param name="seconds">Travel between points (0 the base), NaN for none.</param>
    /// <param name="visits">Per visit node: the point (1…n) and the allowed vehicles (null = any).</param>
    /// <param name="serviceSeconds">Stop time per point (0 for the base).</param>
    /// <param name="vehicles">Working days of the horizon.</param>
    /// <param name="daySeconds">Longest working day, seconds.</param>
    /// <param name="balanceWeight">Weight of the longest day against total driving (0: driving alone).</param>
    public RoundModel(double[,] seconds, IReadOnlyList<(int Point, int[]? Vehicles)> visits, long[] serviceSeconds, int vehicles, long daySeconds, double balanceWeight = 0)
    {
        BalanceWeight = balanceWeight;
        _seconds = seconds;
        _service = serviceSeconds;
        Visits = visits;
        Vehicles = vehicles;
        DaySeconds = daySeconds;
        _pointOfNode = [0, .. visits.Select(v => v.Point)];
    }

    public IReadOnlyList<(int Point, int[]? Vehicles)> Visits { get; }

    public int Vehicles { get; }

    public long DaySeconds { get; }

    public double BalanceWeight { get; }

    /// <summary>Travel seconds between two points, rounded; <see cref="Forbidden"/> when there is no road.</summary>
    public long Drive(int fromPoint, int toPoint) =>
        fromPoint == toPoint ? 0 : double.IsNaN(_seconds[fromPoint, toPoint]) ? Forbidden : (long)Math.Round(_seconds[fromPoint, toPoint]);

    /// <summary>
    /// The day length the balance aims at, seconds: the longest day a single visit needs alone (base, stop, base),
    /// or the stop time of all visits shared over the days when that is more. No day can be shorter than the first;
    /// below the second the week's work does not fit.
    /// </summary>
    internal long BalanceTargetSeconds()
    {
        long longestAlone = 0, service = 0;
        foreach (var (point, _) in Visits)
        {
            longestAlone = Math.Max(longestAlone, Drive(0, point) + _service[point] + Drive(point, 0));
            service += _service[point];
        }
        return Math.Min(DaySeconds, Math.Max(longestAlone, service / Math.Max(1, Vehicles)));
    }

    /// <summary>Routes per vehicle as lists of visit indices (0-based into <see cref="Visits"/>); empty when nothing was found.</summary>
    public List<int>[] Solve(double timeLimitSeconds)
    {
        var routes = Enumerable.Range(0, Vehicles).Select(_ => new List<int>()).ToArray();
        return Visits.Count == 0 ? routes : NativeSolverGate.Run(() => Route(routes, timeLimitSeconds));
    }

    private List<int>[] Route(List<int>[] routes, double timeLimitSeconds)
    {
        var manager = new RoutingIndexManager(Visits.Count + 1, Vehicles, 0);
        var routing = new RoutingModel(manager);
        LongLongToLong drive = (from, to) => CostScale * Drive(_pointOfNode[manager.IndexToNode(from)], _pointOfNode[manager.IndexToNode(to)]);
        LongLongToLong work = (from, to) =>
        {
            int a = _pointOfNode[manager.IndexToNode(from)];
            return Drive(a, _pointOfNode[manager.IndexToNode(to)]) + _service[a];
        };
        int driveIndex = routing.RegisterTransitCallback(drive);
        int workIndex = routing.RegisterTransitCallback(work);
        routing.SetArcCostEvaluatorOfAllVehicles(driveIndex);
        routing.AddDimension(workIndex, 0, DaySeconds, true, "time");
        if (BalanceWeight > 0)
        {
            long coefficient = (long)Math.Round(BalanceWeight * CostScale);
            var time = routing.GetMutableDimension("time");
            time.SetGlobalSpanCostCoefficient(coefficient);
            // The span alone is flat while any other day stays as long: moving one stop off one full day changes
            // nothing until every full day is relieved, and local search stops there. A soft bound per day gives
            // each day its own slope above the balance target.
            long target = BalanceTargetSeconds();
            for (int vehicle = 0; vehicle < Vehicles; vehicle++)
                time.SetCumulVarSoftUpperBound(routing.End(vehicle), target, coefficient);
        }
        long penalty = 100 * CostScale * Math.Max(DaySeconds, 1) * (long)Math.Ceiling(Math.Max(1, BalanceWeight));
        for (int v = 0; v < Visits.Count; v++)
        {
            long index = manager.NodeToIndex(v + 1);
            routing.AddDisjunction([index], penalty);
            // -1 stays allowed: the visit may be dropped (its disjunction).
            if (Visits[v].Vehicles is { } allowed) routing.VehicleVar(index).SetValues([-1, .. allowed.Select(a => (long)a)]);
        }
        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(TimeSpan.FromSeconds(Math.Max(0.1, timeLimitSeconds)));
        var solution = routing.SolveWithParameters(parameters);
        if (solution is not null)
            for (int vehicle = 0; vehicle < Vehicles; vehicle++)
                for (long index = routing.Start(vehicle); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
                    if (!routing.IsStart(index)) routes[vehicle].Add(manager.IndexToNode(index) - 1);
        GC.KeepAlive(drive);
        GC.KeepAlive(work);
        return routes;
    }
}
