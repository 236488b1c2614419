using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>A row whose attributes passed the checks, waiting for the file-level geometry stage.</summary>
/// <remarks>
/// Points are kept as <see cref="X"/>/<see cref="Y"/> with a null <see cref="Geometry"/> (source
/// CRS, then working CRS after the geometry stage); the point object is built only with the final
/// record, which matters for million-row CSV files. Other geometries stay in the source CRS until the stage
/// replaces them by a reprojected copy.
/// </remarks>
internal sealed class MappedRow
{
    public required long Row { get; init; }
    /// <summary>Non-point geometry (source CRS, then working CRS); null for a point.</summary>
    public Geometry? Geometry { get; set; }
    /// <summary>Point position (when <see cref="Geometry"/> is null), source CRS then working CRS.</summary>
    public double X { get; set; }
    public double Y { get; set; }
    public string? Id { get; set; }
    public string? Name { get; init; }
    public string? Landlord { get; init; }
    public int Dwellings { get; init; }
    public HousingKind Housing { get; init; }
    public int? ConstructionYear { get; init; }
    public string? CommuneCode { get; init; }
    public string? QpvCode { get; init; }
    public string? AgencyId { get; init; }
    public AgencyKind AgencyKind { get; set; } = AgencyKind.Agence;
    /// <summary>The point kind as the source wrote it, or null; decided by <see cref="AgencyKindResolver"/>.</summary>
    public string? KindLabel { get; init; }
    public int? Staff { get; init; }
    public int? SiteStaff { get; init; }
    public AccueilModes Accueil { get; init; }
    public int? PerimeterModel { get; init; }
    public int? Population { get; init; }
    /// <summary>Area as given by the source, unit resolved later (see <see cref="AreaUnits"/>).</summary>
    public double? RawArea { get; init; }
    public double? AreaKm2 { get; set; }
    public int? DensityLevel { get; init; }
    /// <summary>Site staff of an estate (FTE, may be fractional).</summary>
    public double? SiteStaffFte { get; init; }
    public string? UrbanArea { get; init; }
    /// <summary>What a candidate site is, as the source says it (free text).</summary>
    public string? SiteKind { get; init; }
    public int? Capacity { get; init; }
    public double? YearlyCost { get; init; }
    public int? UrbanAreaPopulation { get; init; }
}
