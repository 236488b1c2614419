namespace Territory.Planning.Location;

/// <summary>Location-allocation objectives over the same candidates, demand and travel times.</summary>
public enum PlanningProblem
{
    /// <summary>Location set covering: the fewest sites so every coverable estate is within T.</summary>
    Lscp,
    /// <summary>Maximal covering: p sites maximising the (weighted) dwellings within T.</summary>
    Mclp,
    /// <summary>p-median: p sites minimising the dwelling-weighted travel time.</summary>
    PMedian,
    /// <summary>p-center: p sites minimising the worst travel time.</summary>
    PCenter,
}
