using Territory.Core.Model;

namespace Territory.Core.Presence;

/// <summary>A site network planning located (a stored site plan, or a point a scenario adds), and the estates it serves.</summary>
/// <param name="Id">Site id.</param>
/// <param name="Name">Site name, when known.</param>
/// <param name="Kind">Kind of point the site would be (relay place, antenna, mobile-agency stop…).</param>
/// <param name="EstateIds">Estates it serves.</param>
public sealed record SitePlacement(string Id, string? Name, AgencyKind Kind, IReadOnlyList<string> EstateIds);
