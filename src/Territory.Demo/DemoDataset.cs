using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Demo;

/// <summary>A fictional but plausible social landlord, « Habitat Démo », over a fictional département.</summary>
/// <remarks>
/// Every geometry is in EPSG:2154 (Lambert-93) with its SRID set; the road network is in
/// longitude/latitude (WGS 84), as OpenStreetMap data is. The département (code <c>00</c>,
/// « Vionne-et-Orbeuse ») and every place, street, district and landlord name are invented;
/// commune codes <c>00001…</c> and QPV codes <c>QN000001…</c> exist nowhere in INSEE's files.
/// </remarks>
public sealed record DemoDataset
{
    /// <summary>Project name, <c>habitat-demo</c>.</summary>
    public string Name { get; init; } = "habitat-demo";
    /// <summary>The main landlord, « Habitat Démo ».</summary>
    public required string Landlord { get; init; }
    /// <summary>Fictional département code (<c>00</c>).</summary>
    public required string DepartmentCode { get; init; }
    /// <summary>Fictional département name.</summary>
    public required string DepartmentName { get; init; }
    /// <summary>Outline of the département (a polygon), or of the départements of a larger portfolio (a multipolygon), tiled by <see cref="Communes"/>.</summary>
    public required Geometry Outline { get; init; }
    /// <summary>Estates of Habitat Démo and of a few partner landlords (in some QPV).</summary>
    public required IReadOnlyList<Estate> Estates { get; init; }
    /// <summary>Presence points of Habitat Démo (siège, agencies, antennas, lodges, relay place).</summary>
    public required IReadOnlyList<Agency> Agencies { get; init; }
    /// <summary>Communes tiling <see cref="Outline"/>, ordered by code.</summary>
    public required IReadOnlyList<Commune> Communes { get; init; }
    /// <summary>Priority districts (QPV, 2024-style codes).</summary>
    public required IReadOnlyList<PriorityDistrict> Districts { get; init; }
    /// <summary>Road network in longitude/latitude, ready for <see cref="DemoOsmWriter"/>.</summary>
    public required DemoRoadNetwork Roads { get; init; }
    /// <summary>Estates placed on purpose more than 1 km from any road, so that routing flags them.</summary>
    public required IReadOnlyList<string> FarFromRoadEstateIds { get; init; }
}
