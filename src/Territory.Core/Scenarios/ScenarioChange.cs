using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Core.Scenarios;

/// <summary>One change of a scenario to the presence network.</summary>
/// <param name="Op">Add, move or close.</param>
/// <param name="AgencyId">The point concerned: an existing id (move, close) or the new point's id (add).</param>
/// <param name="Name">Name of the point (new or existing).</param>
/// <param name="Kind">Kind of the point.</param>
/// <param name="Location">Where the point is after the change (working CRS); null for a closure.</param>
/// <remarks>For an added point, <see cref="Staff"/> and <see cref="SiteStaff"/> are its declared staff (null when unknown).</remarks>
public sealed record ScenarioChange(ScenarioOp Op, string AgencyId, string? Name, AgencyKind Kind, Point? Location)
{
    /// <summary>Collaborators of an added point, excluding site staff.</summary>
    public int? Staff { get; init; }
    /// <summary>Site staff of an added point.</summary>
    public int? SiteStaff { get; init; }
}
