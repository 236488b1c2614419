namespace Territory.Web.State;

/// <summary>What a planning job computes.</summary>
public enum PlanningJobKind
{
    /// <summary>Where to put presence sites (location-allocation).</summary>
    Sites,
    /// <summary>The mobile agency's week.</summary>
    Rounds,
    /// <summary>Named scenarios side by side with the saved state.</summary>
    Compare,
}
