using Territory.Core.Model;

namespace Territory.Web.State;

/// <summary>One edit of the scenario: add, move or remove a presence point.</summary>
/// <param name="Op"><c>add</c>, <c>move</c> or <c>remove</c>.</param>
/// <param name="AgencyId">Point edited (<c>SCN-n</c> for an added one).</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Lon">Longitude after the edit (null for a removal).</param>
/// <param name="Lat">Latitude after the edit (null for a removal).</param>
public sealed record ScenarioChange(string Op, string AgencyId, string? Name, AgencyKind Kind, double? Lon, double? Lat);
