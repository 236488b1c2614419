namespace Territory.Planning.Matrix;

/// <summary>Where the travel times of a <see cref="CostMatrix"/> come from.</summary>
public enum CostSource
{
    /// <summary>Routed on the road graph (car, fastest path).</summary>
    RoadGraph,
    /// <summary>Straight-line distance × detour factor at an average speed: an estimate.</summary>
    StraightLine,
    /// <summary>Given by the user (CSV file).</summary>
    UserFile,
}
