namespace Territory.Planning.Service;

/// <summary>Which chosen site serves an estate and in how long.</summary>
/// <param name="EstateId">Estate id.</param>
/// <param name="SiteId">Serving site; null when none serves it within T.</param>
/// <param name="Minutes">Travel time from the site, minutes; null when not served.</param>
/// <param name="Dwellings">The estate's dwellings.</param>
/// <param name="Status"><c>served</c>, <c>not_served</c> or <c>uncoverable</c>.</param>
public sealed record PlannedAssignment(string EstateId, string? SiteId, double? Minutes, int Dwellings, string Status);
