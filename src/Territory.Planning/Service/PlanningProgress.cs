namespace Territory.Planning.Service;

/// <summary>Where a planning job stands: the stage and how many of its items are done.</summary>
/// <param name="Stage">Current stage.</param>
/// <param name="Done">Items done in the stage (sites, estates, networks…).</param>
/// <param name="Total">Items of the stage; <see cref="Done"/> = <see cref="Total"/> when it ends.</param>
public readonly record struct PlanningProgress(PlanningStage Stage, int Done, int Total)
{
    /// <summary>Share of the stage done, in [0, 1].</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Done / Total, 0, 1);
}
