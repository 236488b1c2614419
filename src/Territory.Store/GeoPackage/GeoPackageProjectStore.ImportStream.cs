using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.Store;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Streamed estates are written into the layer inside the one transaction as they are read; the checks that
    /// need the whole file (nothing accepted, a shrink) are made at the end, before the commit, and roll it all
    /// back. A layer read whole goes through <see cref="ImportLayer(ImportResult, LayerWriteOptions, CancellationToken)"/>.
    /// </remarks>
    public LayerWriteOutcome ImportLayer(ImportStream stream, LayerWriteOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (stream.Materialized is { } whole)
            return ImportLayer(whole, options, ct);
        var srid = stream.TargetCrs;
        var file = ImportGuard.WorkingCrsFile(stream.SourcePath, srid, WorkingCrs);
        ct.ThrowIfCancellationRequested();

        // Memory flat in the rows: a smaller page cache for this transaction (its new pages spill to the file
        // before the commit instead of staying in memory; the time is the same).
        GeoPackageSchema.Execute(_connection, null, $"PRAGMA cache_size = -{StreamedPageCacheKiB}");
        try
        {
            return WriteStream(stream, options, srid, file, ct);
        }
        finally
        {
            GeoPackageSchema.Execute(_connection, null, $"PRAGMA cache_size = -{GeoPackageFile.PageCacheKiB}");
        }
    }

    private const int StreamedPageCacheKiB = 32768;

    private LayerWriteOutcome WriteStream(ImportStream stream, LayerWriteOptions options, int srid, string file, CancellationToken ct)
    {
        const LayerKind kind = LayerKind.Estates;
        var table = ProjectLayers.TableOf(kind);
        // The rows are read and checked from now on, while the transaction below prepares the layer.
        using var rows = StreamedEstates.Start(stream.Estates(ct), ct);
        using var tx = Begin();
        var exists = GeoPackageSchema.TableExists(_connection, tx, table);
        var before = exists ? GeoPackageSchema.Count(_connection, tx, table) : 0;
        var version = NextVersion(tx, options.ExpectedVersion);
        var append = options.Append && exists;
        var mode = !exists ? LayerWriteMode.Created : options.Append ? LayerWriteMode.Appended : LayerWriteMode.Replaced;
        if (WorkingCrs is null)
            SetMetadata(tx, "working_crs", srid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exists)
            KeepPrevious(tx, table);
        var reader = Reader(tx);
        rows.Join(reader.Communes(), reader.Districts(), append ? reader.Keys(table, ProjectLayers.KeyOf(kind)) : null, DuplicateKeysReported);
        var definition = ProjectLayers.Definition(kind, srid, stream.EstateGeometryType);
        if (append)
            TableColumns.Ensure(_connection, tx, definition);
        var written = _file.WriteLayer(tx, definition, append, writer => rows.Write(writer, ct: ct), ct);
        if (!exists)
            KeepPrevious(tx, table, empty: true);

        var result = stream.Result;
        if (result.Accepted == 0)
            throw new ReasonException(Message.Of("import_nothing_accepted", ("file", file), ("read", result.Read), ("rejected", result.Rejected)));
        if (!options.Append && !options.AllowShrink && before > 0 && result.Accepted < before * options.ShrinkThreshold)
            throw new ReasonException(Message.Of("import_would_shrink", ("file", file), ("layer", table), ("before", before), ("after", result.Accepted)));
        if (!append && rows.GeometryType != definition.GeometryType)
        {
            // The first reading counted rows the second one rejected: the declared type follows the rows written.
            using var type = GeoPackageSchema.Command(_connection, tx, "UPDATE gpkg_geometry_columns SET geometry_type_name = $g WHERE table_name = $t");
            type.Parameters.AddWithValue("$g", rows.GeometryType);
            type.Parameters.AddWithValue("$t", table);
            type.ExecuteNonQuery();
        }

        var after = GeoPackageSchema.Count(_connection, tx, table);
        RecordRevision(tx, kind, version, after, options.Source ?? file, previousRows: exists ? before : null);
        WriteAudit(tx, options.Author, "import", table, $"{mode.ToString().ToLowerInvariant()} {before} -> {after} ({file}: read {result.Read}, accepted {result.Accepted}, rejected {result.Rejected})");
        ct.ThrowIfCancellationRequested();
        tx.Commit();
        WorkingCrs ??= srid;
        return new LayerWriteOutcome(kind, table, mode, before, after, written, rows.DuplicateCount, rows.Duplicates, rows.Enrichment, 0, srid) { DataVersion = version };
    }
}
