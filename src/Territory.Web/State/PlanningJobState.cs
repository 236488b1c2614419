namespace Territory.Web.State;

/// <summary>Where a planning job stands.</summary>
public enum PlanningJobState
{
    Running,
    Done,
    Failed,
}
