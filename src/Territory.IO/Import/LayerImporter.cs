using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Imports one layer from GeoJSON, CSV, Shapefile (loose or zipped) or a GeoPackage layer.</summary>
/// <remarks>
/// <para>Every row read ends up either accepted or rejected with its row, field and reason
/// (<see cref="ImportResult.Read"/> = <see cref="ImportResult.Accepted"/> + <see cref="ImportResult.Rejected"/>).
/// Unreadable files throw <see cref="ImportException"/> with a one-line message naming the file.</para>
/// <para>Policies:</para>
/// <list type="bullet">
/// <item>Duplicate ids: all rows kept, later ones renamed <c>id#2</c>… with a warning naming the first row.</item>
/// <item>Missing id column: ids <c>row-N</c> generated, one file-level warning. Missing dwellings column for estates: error.</item>
/// <item>Swapped longitude/latitude (most positions outside France, inside once swapped): the whole
/// file is swapped back, with one file-level warning giving the count.</item>
/// <item>Metres under a geographic CRS (most values beyond ±180/±90): error asking for <c>--crs EPSG:2154</c>.</item>
/// <item>Positions outside France and its overseas departments: row rejected « outside France (lon, lat) ».
/// Positions in France but outside the working CRS zone (a Guadeloupe point in a Lambert-93
/// project): row rejected « in Guadeloupe, outside this project's zone (EPSG:2154) ».</item>
/// <item>Working CRS: <see cref="ImportOptions.TargetCrs"/>, else <see cref="WorkingCrs.ChooseFor"/> the median position.</item>
/// <item>Header-only CSV (or a collection without features): not an error; an empty result with
/// one file-level warning « no data rows ».</item>
/// <item>Invalid polygons are repaired (NTS GeometryFixer) and reported as Repaired.</item>
/// </list>
/// </remarks>
public static class LayerImporter
{
    /// <summary>Reads <paramref name="path"/> as a layer of <paramref name="kind"/>.</summary>
    /// <exception cref="ImportException">The file, its CRS or the mapping is unusable.</exception>
    public static ImportResult Import(string path, LayerKind kind, ImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var file = Path.GetFileName(path);
        // A registered source (a PostGIS table, postgresql://…?table=…) is no file: its reader checks it.
        var registered = SourceLayers.IsRegistered(path);
        if (!registered && (Directory.Exists(path) || !File.Exists(path)))
            throw new ImportException(Message.Of("import_file_not_found", ("file", file), ("path", path)));
        if (!registered && new FileInfo(path).Length == 0)
            throw new ImportException(Message.Of("import_file_empty", ("file", file)));
        int? crsOverride = null;
        if (options.Crs is not null)
        {
            crsOverride = CrsIdentifier.ParseName(options.Crs);
            if (crsOverride is not { } c || !CrsRegistry.IsKnown(c))
                throw new ImportException(Message.Of("import_crs_option_unknown", ("file", file), ("crs", options.Crs), ("known", GeometryStage.KnownCrs())));
        }

        using var layer = SourceLayers.Open(path, options.LayerName);
        var log = new ImportLog(layer.FileName);
        var map = FieldMapping.Resolve(kind, layer.Columns, options.MappingFile, layer.FileName, layer.HasNativeGeometry);
        var geometrySource = ChooseGeometrySource(layer, map, crsOverride);
        if (kind == LayerKind.Estates && !map.Has(TargetFields.Dwellings))
            throw new ImportException(Message.Of("import_no_dwellings_column", ("file", layer.FileName),
                ("candidates", string.Join(", ", TargetFields.CandidatesFor(kind).First(c => c.Key == TargetFields.Dwellings).Value.Take(4))),
                ("example", "{\"dwellings\": \"NB_LGT\"}"), ("columns", string.Join(", ", layer.Columns))));
        if (!map.Has(TargetFields.Id))
            log.Warn(0, TargetFields.Id, "id_column_missing", ("pattern", RowMapper.GeneratedId(0)[..^1] + "N"));

        var mapper = new RowMapper(kind, map, geometrySource, log);
        var values = map.HasValues ? new MappedValues(map) : null;
        var rows = new List<MappedRow>();
        long read = 0;
        foreach (var record in layer.Rows(ct))
        {
            read++;
            if (mapper.Map(values?.Over(record) ?? record) is { } row)
                rows.Add(row);
            if ((read & 0xFFF) == 0 && options.Progress is { } p && layer.ReadFraction is var f && !double.IsNaN(f))
                p.Report(0.9 * f);
        }
        options.Progress?.Report(0.9);
        if (read == 0)
            log.Warn(0, null, "no_data_rows");
        if (kind == LayerKind.Agencies)
            AgencyKindResolver.Apply(rows, options.DefaultAgencyKind, map.Has(TargetFields.Kind), log);

        var sourceCrs = crsOverride ?? layer.DeclaredCrs ?? (geometrySource == GeometrySource.LonLat ? CrsRegistry.Wgs84 : null);
        if (sourceCrs is null && layer.CrsProblem is { } problem)
            throw new ImportException(problem);
        var stage = new GeometryStage(kind, log, ct);
        var accepted = stage.Run(rows, sourceCrs, options.TargetCrs);
        IdDeduplicator.Apply(accepted, log);
        if (kind == LayerKind.Estates && accepted.Any(r => r.Geometry is null) && accepted.Any(r => r.Geometry is not null))
            log.Warn(0, "geometry", "estates_mixed_geometry", ("points", accepted.Count(r => r.Geometry is null)), ("polygons", accepted.Count(r => r.Geometry is not null)));
        options.Progress?.Report(1.0);

        return ResultBuilder.Build(kind, path, stage.SourceCrs, stage.WorkingCrs, checked((int)read), accepted, log.Sorted(), UsedMapping(map, geometrySource));
    }

    private static GeometrySource ChooseGeometrySource(ISourceLayer layer, FieldMapping map, int? crsOverride)
    {
        if (layer.HasNativeGeometry)
            return GeometrySource.Native;
        if (map.Has(TargetFields.Wkt))
            return GeometrySource.Wkt;
        var hasXy = map.Has(TargetFields.X) && map.Has(TargetFields.Y);
        var hasLonLat = map.Has(TargetFields.Longitude) && map.Has(TargetFields.Latitude);
        if (hasXy && (!hasLonLat || (crsOverride is { } c && !CrsRegistry.IsGeographic(c))))
            return GeometrySource.XY;
        if (hasLonLat)
            return GeometrySource.LonLat;
        throw new ImportException(Message.Of("import_no_geometry", ("file", layer.FileName), ("columns", string.Join(", ", layer.Columns))));
    }

    private static Dictionary<string, string> UsedMapping(FieldMapping map, GeometrySource source)
    {
        string[] used = source switch
        {
            GeometrySource.Wkt => [TargetFields.Wkt],
            GeometrySource.LonLat => [TargetFields.Longitude, TargetFields.Latitude],
            GeometrySource.XY => [TargetFields.X, TargetFields.Y],
            _ => [],
        };
        return map.Names
            .Where(p => !TargetFields.IsCoordinate(p.Key) || used.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
