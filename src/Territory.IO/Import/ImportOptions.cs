using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Options of one layer import.</summary>
public sealed record ImportOptions
{
    /// <summary>Source CRS override (<c>EPSG:n</c> or a bare code); wins over .prj/GeoPackage/GeoJSON.</summary>
    public string? Crs { get; init; }
    /// <summary>Layer to read in a multi-layer source (GeoPackage, zip with several shapefiles).</summary>
    public string? LayerName { get; init; }
    /// <summary>Path of a JSON mapping file: target field → source column.</summary>
    public string? MappingFile { get; init; }
    /// <summary>Working CRS of the destination project (EPSG); null lets the importer choose from the data.</summary>
    public int? TargetCrs { get; init; }
    /// <summary>Kind of the presence points whose kind column is absent, unrecognised or not trusted (<see cref="AgencyKindResolver"/>); « agence » when null.</summary>
    public AgencyKind? DefaultAgencyKind { get; init; }
    /// <summary>Receives the share of the import done, in [0, 1] (reading is most of it); null for none.</summary>
    public IProgress<double>? Progress { get; init; }
}
