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
    /// <summary>Reads <paramref name="path"/> as a layer of <paramref name="kind"/>, every accepted row in memory.</summary>
    /// <exception cref="ImportException">The file, its CRS or the mapping is unusable.</exception>
    public static ImportResult Import(string path, LayerKind kind, ImportOptions options, CancellationToken ct = default)
    {
        var source = OpenSource(path, kind, options);
        using var layer = source.Layer;
        var log = new ImportLog(layer.FileName);
        if (!source.Map.Has(TargetFields.Id))
            log.Warn(0, TargetFields.Id, "id_column_missing", ("pattern", RowMapper.GeneratedId(0)[..^1] + "N"));

        var mapper = new RowMapper(kind, source.Map, source.GeometrySource, log);
        var values = source.Map.HasValues ? new MappedValues(source.Map) : null;
        var rows = new List<MappedRow>();
        long read = 0;
        foreach (var record in layer.Rows(ct))
        {
            read++;
            if (mapper.Map(values?.Over(record) ?? record) is { } row)
                rows.Add(row);
            if ((read & 0xFFF) == 0)
                ReportRead(options.Progress, layer, 0, 0.9);
        }
        options.Progress?.Report(0.9);
        if (read == 0)
            log.Warn(0, null, "no_data_rows");
        if (kind == LayerKind.Agencies)
            AgencyKindResolver.Apply(rows, options.DefaultAgencyKind, source.Map.Has(TargetFields.Kind), log);

        var stage = new GeometryStage(kind, log, ct);
        var accepted = stage.Run(rows, SourceCrsOf(source), options.TargetCrs);
        IdDeduplicator.Apply(accepted, log);
        if (kind == LayerKind.Estates && accepted.Any(r => r.Geometry is null) && accepted.Any(r => r.Geometry is not null))
            log.Warn(0, "geometry", "estates_mixed_geometry", ("points", accepted.Count(r => r.Geometry is null)), ("polygons", accepted.Count(r => r.Geometry is not null)));
        options.Progress?.Report(1.0);

        return ResultBuilder.Build(kind, path, stage.SourceCrs, stage.WorkingCrs, checked((int)read), accepted, log.Sorted(), UsedMapping(source.Map, source.GeometrySource));
    }

    /// <summary>
    /// Opens <paramref name="path"/> as a layer of <paramref name="kind"/> whose rows a project store writes as
    /// they are read. Estates are streamed: a first pass reads the file for its file-level decisions (CRS,
    /// swapped coordinates, working CRS), and <see cref="ImportStream.Estates"/> reads it again, row by row,
    /// with the same checks and report as <see cref="Import"/>, holding neither the rows nor their issues
    /// (they go to a temporary file). Other layers (thousands of rows at most) are read whole.
    /// </summary>
    /// <exception cref="ImportException">The file, its CRS or the mapping is unusable.</exception>
    public static ImportStream Open(string path, LayerKind kind, ImportOptions options, CancellationToken ct = default)
    {
        if (kind != LayerKind.Estates)
            return new ImportStream(Import(path, kind, options, ct));
        var source = OpenSource(path, kind, options);
        var spill = new IssueSpill(source.Layer.FileName);
        try
        {
            var log = ImportLog.Streaming(source.Layer.FileName, spill);
            if (!source.Map.Has(TargetFields.Id))
                log.Warn(0, TargetFields.Id, "id_column_missing", ("pattern", RowMapper.GeneratedId(0)[..^1] + "N"));
            var stage = new GeometryStage(kind, log, ct);
            bool points = false, polygons = false;
            using (var layer = source.Layer)
            {
                if (DecidedWithoutReading(source, options) is { } known)
                {
                    // A projected source CRS and the project's CRS: no file-level decision depends on the rows, one reading suffices.
                    stage.Decide([], known, options.TargetCrs);
                    points = polygons = true;
                }
                else
                {
                    var mapper = new RowMapper(kind, source.Map, source.GeometrySource, ImportLog.Discarding(layer.FileName));
                    var values = source.Map.HasValues ? new MappedValues(source.Map) : null;
                    var centres = new List<(double X, double Y)>();
                    long read = 0;
                    foreach (var record in layer.Rows(ct))
                    {
                        if ((++read & 0xFFF) == 0)
                            ReportRead(options.Progress, layer, 0, ImportStream.FirstPassShare);
                        if (mapper.Map(values?.Over(record) ?? record) is not { } row || !GeometryStage.IsFinite(row))
                            continue;
                        centres.Add(GeometryStage.Centre(row));
                        points |= row.Geometry is null;
                        polygons |= row.Geometry is not null;
                    }
                    stage.Decide(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(centres), SourceCrsOf(source), options.TargetCrs);
                }
            }
            options.Progress?.Report(ImportStream.FirstPassShare);
            return new ImportStream(path, options, source.Map, source.GeometrySource, stage, log, spill,
                UsedMapping(source.Map, source.GeometrySource), points && polygons ? "GEOMETRY" : polygons ? "MULTIPOLYGON" : "POINT");
        }
        catch
        {
            spill.Dispose();
            throw;
        }
    }

    /// <summary>The source CRS when it is given or declared, projected, and the project's CRS is known: then nothing is guessed from the rows.</summary>
    private static int? DecidedWithoutReading(OpenedSource source, ImportOptions options) =>
        options.TargetCrs is not null && (source.CrsOverride ?? source.Layer.DeclaredCrs) is { } crs && CrsRegistry.IsKnown(crs) && !CrsRegistry.IsGeographic(crs)
            ? crs : null;

    /// <summary>Reports the share of the source read, scaled into [<paramref name="from"/>, <paramref name="to"/>].</summary>
    internal static void ReportRead(IProgress<double>? progress, ISourceLayer layer, double from, double to)
    {
        if (progress is not null && layer.ReadFraction is var f && !double.IsNaN(f))
            progress.Report(from + (to - from) * f);
    }

    private sealed record OpenedSource(ISourceLayer Layer, FieldMapping Map, GeometrySource GeometrySource, int? CrsOverride);

    /// <summary>Checks the path and options, opens the layer and resolves its mapping (the layer is the caller's to dispose).</summary>
    private static OpenedSource OpenSource(string path, LayerKind kind, ImportOptions options)
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

        var layer = SourceLayers.Open(path, options.LayerName);
        try
        {
            var map = FieldMapping.Resolve(kind, layer.Columns, options.MappingFile, layer.FileName, layer.HasNativeGeometry);
            var geometrySource = ChooseGeometrySource(layer, map, crsOverride);
            if (kind == LayerKind.Estates && !map.Has(TargetFields.Dwellings))
                throw new ImportException(Message.Of("import_no_dwellings_column", ("file", layer.FileName),
                    ("candidates", string.Join(", ", TargetFields.CandidatesFor(kind).First(c => c.Key == TargetFields.Dwellings).Value.Take(4))),
                    ("example", "{\"dwellings\": \"NB_LGT\"}"), ("columns", string.Join(", ", layer.Columns))));
            return new OpenedSource(layer, map, geometrySource, crsOverride);
        }
        catch
        {
            layer.Dispose();
            throw;
        }
    }

    /// <summary>The source CRS: <c>--crs</c>, else the declared one, else WGS 84 for longitude/latitude columns; null to guess.</summary>
    private static int? SourceCrsOf(OpenedSource source)
    {
        var crs = source.CrsOverride ?? source.Layer.DeclaredCrs ?? (source.GeometrySource == GeometrySource.LonLat ? CrsRegistry.Wgs84 : null);
        if (crs is null && source.Layer.CrsProblem is { } problem)
            throw new ImportException(problem);
        return crs;
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
