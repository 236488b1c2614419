using Territory.Core.Messages;

namespace Territory.Web.State;

/// <summary>One planning computation of the map, as it stands: running (with its stage), done (with its outcome) or failed (with why).</summary>
/// <param name="Id">Short random id (12 hexadecimal digits).</param>
/// <param name="Kind">Site plan, round or comparison.</param>
/// <param name="State">Running, done or failed.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="DataVersion">The project's data version it was computed from (the saved state).</param>
public sealed record PlanningJob(string Id, PlanningJobKind Kind, PlanningJobState State, DateTimeOffset StartedAt, long DataVersion)
{
    /// <summary>When it ended (UTC); null while running.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Code of the stage reached (<c>candidates</c>, <c>matrix</c>, <c>solve</c>, <c>round_travel</c>, <c>round_solve</c>, <c>evaluate</c>).</summary>
    public string? Stage { get; init; }

    /// <summary>Items of the stage done.</summary>
    public int Done { get; init; }

    /// <summary>Items of the stage.</summary>
    public int Total { get; init; }

    /// <summary>The answer, once done.</summary>
    public PlanningOutcome? Outcome { get; init; }

    /// <summary>Why it failed, once failed.</summary>
    public Message? Failure { get; init; }

    /// <summary>HTTP status of the failure (400 for bad input, 503 for a busy project, 500 for a bug).</summary>
    public int FailureStatus { get; init; }
}
