namespace Territory.Planning.Location;

/// <summary>Which chosen site serves an estate, and in how long.</summary>
/// <param name="EstateId">Estate id.</param>
/// <param name="SiteId">Serving site; null when none serves it within T.</param>
/// <param name="Seconds">Travel time from the site, seconds; null when not served.</param>
/// <param name="Status">Served, beyond reach of the chosen sites, or uncoverable by any candidate.</param>
public sealed record EstateAssignment(string EstateId, string? SiteId, double? Seconds, AssignmentStatus Status);
