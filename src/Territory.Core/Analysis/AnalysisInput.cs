using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Core.Territories;

namespace Territory.Core.Analysis;

/// <summary>Everything <see cref="TerritoryAnalysis.Run(AnalysisInput, Typology.TypologyConfig, CancellationToken)"/> reads; nothing here is modified.</summary>
/// <remarks>All geometries are in the projected working CRS <see cref="WorkingCrsEpsg"/>, in metres.</remarks>
public sealed record AnalysisInput
{
    /// <summary>The landlords' estates (one or several landlords).</summary>
    public required IReadOnlyList<Estate> Estates { get; init; }
    /// <summary>Agencies and other presence points (lodges, relay places…).</summary>
    public IReadOnlyList<Agency> Agencies { get; init; } = [];
    /// <summary>Commune polygons with population / density level when known.</summary>
    public IReadOnlyList<Commune> Communes { get; init; } = [];
    /// <summary>QPV polygons.</summary>
    public IReadOnlyList<PriorityDistrict> Districts { get; init; } = [];
    /// <summary>
    /// Travel from agency to estate, by estate id. Null → straight-line distance to the managing
    /// (or nearest) agency × detour factor at an average speed, flagged estimated.
    /// </summary>
    public IReadOnlyDictionary<string, EstateAccess>? Access { get; init; }
    /// <summary>
    /// Per estate, travel from the nearest presence point of each kind (relay place, antenna, lodge,
    /// mobile-agency stop…), read from the agency × estate matrix. Null → straight-line estimates
    /// (× detour factor at an average speed), flagged estimated, as for <see cref="Access"/>.
    /// </summary>
    public IReadOnlyList<PresenceAccess>? NearestPresence { get; init; }
    /// <summary>Sites network planning located (a stored site plan, or the points a scenario adds): the plan's sites hook. Null → « à localiser ».</summary>
    public IReadOnlyList<Presence.SitePlacement>? Sites { get; init; }
    /// <summary>User sector polygons, used when <see cref="Delineation"/> is <see cref="DelineationMode.Sectors"/>.</summary>
    public IReadOnlyList<(string Id, string Name, Geometry Polygon)>? Sectors { get; init; }
    /// <summary>How territories are cut.</summary>
    public DelineationMode Delineation { get; init; } = DelineationMode.CommuneAndQpv;
    /// <summary>EPSG code of the working CRS (for exports); Lambert-93 by default.</summary>
    public int WorkingCrsEpsg { get; init; } = CrsRegistry.Lambert93;
    /// <summary>Name of the organisation shown in reports (optional).</summary>
    public string? OrganisationName { get; init; }
}
