using NetTopologySuite.Geometries;

namespace Territory.Planning.Candidates;

/// <summary>A place where a presence point could be (or already is).</summary>
/// <remarks>
/// <see cref="Location"/> is in the project's working CRS (EPSG:2154 in metropolitan France).
/// <see cref="Kind"/> is a stable code: an <c>AgencyKind</c> code (<c>agence</c>, <c>lieu_relais</c>…)
/// for existing points, the kind the plan would create for the others. <see cref="Capacity"/> is in
/// dwellings; <see cref="YearlyCost"/> in euros a year (carried, not optimised yet).
/// </remarks>
public sealed record CandidateSite
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string Kind { get; init; }
    public required CandidateSource Source { get; init; }
    /// <summary>Id of the object the candidate comes from: agency id, INSEE commune code, QPV code, or the imported row's id.</summary>
    public string? SourceRef { get; init; }
    public required Point Location { get; init; }
    /// <summary>Most dwellings the site can serve; null for no limit.</summary>
    public int? Capacity { get; init; }
    /// <summary>Yearly running cost, euros; null when unknown.</summary>
    public double? YearlyCost { get; init; }
    /// <summary>True for a presence point that exists today (kept or free to close, as the request says).</summary>
    public bool Existing { get; init; }
}
