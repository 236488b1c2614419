using NetTopologySuite.Geometries;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Planning.Rounds;

/// <summary>The mobile agency's week to plan: its base, its stops, the days and the working-day limit.</summary>
/// <remarks>
/// Travel between the base and the stops comes from <see cref="TravelSeconds"/> when given, else from
/// <see cref="Graph"/> (car, fastest path, both directions), else from the straight-line
/// <see cref="Fallback"/> (then the plan says <see cref="RoundPlan.Estimated"/>). Locations are in
/// <see cref="WorkingCrs"/>.
/// </remarks>
public sealed record RoundRequest
{
    /// <summary>Id of the base (the agency the vehicle leaves from and returns to each day).</summary>
    public required string BaseId { get; init; }

    public required Point BaseLocation { get; init; }

    public required IReadOnlyList<RoundStop> Stops { get; init; }

    /// <summary>EPSG code of the locations (2154 in metropolitan France).</summary>
    public int WorkingCrs { get; init; } = 2154;

    /// <summary>Working days a week (vehicles of the model).</summary>
    public int Days { get; init; } = 5;

    /// <summary>Longest working day, driving and stops included, hours.</summary>
    public double DayHours { get; init; } = 7;

    public RoadGraph? Graph { get; init; }

    /// <summary>Optional hierarchy of <see cref="Graph"/> (faster travel matrix).</summary>
    public ContractionHierarchy? Hierarchy { get; init; }

    /// <summary>Base and stops farther than this from the main road network are unreachable, metres.</summary>
    public double MaxSnapDistanceMeters { get; init; } = Routing.Snapping.RoadSnapper.DefaultMaxSnapDistanceMeters;

    /// <summary>
    /// Given travel times, seconds: [i, j] from point i to point j, index 0 the base and 1…n the stops in
    /// order; NaN for no road. Wins over the graph.
    /// </summary>
    public double[,]? TravelSeconds { get; init; }

    /// <summary>Estimate used when there is neither a matrix nor a graph.</summary>
    public StraightLineEstimator Fallback { get; init; } = new();

    /// <summary>
    /// Weight of the longest working day against total driving (≥ 0): 0 minimises driving alone and may leave
    /// days empty while others are full; 0.5 (default) accepts up to thirty more minutes of driving for each hour
    /// taken off the longest day, which spreads the stops over the week.
    /// </summary>
    public double BalanceWeight { get; init; } = 0.5;

    /// <summary>Search time of the routing solver, seconds.</summary>
    public double TimeLimitSeconds { get; init; } = 10;
}
