using NetTopologySuite.Geometries;

namespace Territory.Core.Model;

/// <summary>An estate (programme / résidence / groupe) of a social landlord.</summary>
/// <remarks>
/// <see cref="Geometry"/> is a point or a polygon in the project's working CRS (EPSG:2154 in
/// metropolitan France). <see cref="CommuneCode"/> and <see cref="QpvCode"/> may come from the
/// source file or from the spatial enrichment (point in polygon).
/// </remarks>
public sealed record Estate
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    /// <summary>Social landlord (bailleur, <c>bs</c> in Paris open data).</summary>
    public string? Landlord { get; init; }
    public required Geometry Geometry { get; init; }
    /// <summary>Number of dwellings (nombre de logements); always &gt; 0 once imported.</summary>
    public required int Dwellings { get; init; }
    /// <summary>Collective or individual housing (RPLS <c>TYPECONST</c>).</summary>
    public HousingKind Housing { get; init; } = HousingKind.Unknown;
    /// <summary>Construction year (RPLS <c>CONSTRUCT</c>).</summary>
    public int? ConstructionYear { get; init; }
    /// <summary>INSEE commune code (RPLS <c>DEPCOM</c>), 5 characters.</summary>
    public string? CommuneCode { get; init; }
    /// <summary>Priority district code (2015 <c>QP…</c> or 2024 <c>QN…</c>); null outside any QPV.</summary>
    public string? QpvCode { get; init; }
    /// <summary>Id of the managing agency, when the source names it.</summary>
    public string? AgencyId { get; init; }
    /// <summary>
    /// Site staff (gardiens, employés d'immeuble) working on this estate, full-time equivalents, when the
    /// source gives it per estate (or per ensemble, written on one of its estates); null when unknown.
    /// </summary>
    public double? SiteStaffFte { get; init; }
}
