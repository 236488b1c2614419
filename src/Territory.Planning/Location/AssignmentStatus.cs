namespace Territory.Planning.Location;

/// <summary>State of one estate in a plan.</summary>
public enum AssignmentStatus
{
    /// <summary>Assigned to a chosen site within T.</summary>
    Served,
    /// <summary>Some candidate reaches it within T, but no chosen site serves it (not chosen, or full).</summary>
    NotServed,
    /// <summary>No candidate reaches it within T (or it exceeds every reachable capacity): left out of the model.</summary>
    Uncoverable,
}
