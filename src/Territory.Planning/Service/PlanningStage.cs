namespace Territory.Planning.Service;

/// <summary>Steps of a planning job, in order, as progress reports name them.</summary>
public enum PlanningStage
{
    /// <summary>Gathering the candidate sites (existing points, imported layer, file, generated).</summary>
    Candidates,
    /// <summary>Travel times from the candidates to the estates (road graph, straight line or the user's matrix).</summary>
    Matrix,
    /// <summary>The location-allocation solve.</summary>
    Solve,
    /// <summary>Travel times between the base and the stops of a round.</summary>
    RoundTravel,
    /// <summary>The routing solve of a round.</summary>
    RoundSolve,
    /// <summary>Evaluating a network (saved state or a scenario): travel review and analysis.</summary>
    Evaluate,
}

/// <summary>Stable codes of <see cref="PlanningStage"/> (progress events, catalogue keys <c>plan_stage_&lt;code&gt;</c>).</summary>
public static class PlanningStages
{
    /// <summary><c>candidates</c>, <c>matrix</c>, <c>solve</c>, <c>round_travel</c>, <c>round_solve</c> or <c>evaluate</c>.</summary>
    public static string Code(this PlanningStage stage) => stage switch
    {
        PlanningStage.Candidates => "candidates",
        PlanningStage.Matrix => "matrix",
        PlanningStage.Solve => "solve",
        PlanningStage.RoundTravel => "round_travel",
        PlanningStage.RoundSolve => "round_solve",
        PlanningStage.Evaluate => "evaluate",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
