using Territory.Planning.Service;

namespace Territory.Web.State;

/// <summary>What a finished planning job produced: one of a site plan, a round or a comparison.</summary>
public sealed record PlanningOutcome
{
    public SitePlanResult? Sites { get; init; }
    public RoundResult? Round { get; init; }
    public ScenarioComparison? Comparison { get; init; }
}
