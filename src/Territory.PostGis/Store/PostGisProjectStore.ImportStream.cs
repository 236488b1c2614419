using System.Globalization;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Layers;
using Territory.PostGis.Connection;
using Territory.Store;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Streamed estates are read and checked from the start (on a thread of their own, a few batches ahead), and go by
    /// binary COPY straight into the layer, each to its département's
    /// partition (made before the first row from the project's communes); then the checks that need the whole file
    /// (nothing accepted, a shrink), the partitions matched to the rows and the GiST index (built after the load when
    /// the layer is created or replaced). A failure anywhere rolls the whole transaction back. A layer read whole goes through
    /// <see cref="ImportLayer(ImportResult, LayerWriteOptions, CancellationToken)"/>.
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

        const LayerKind kind = LayerKind.Estates;
        var table = ProjectLayers.TableOf(kind);
        // The rows are read and checked from now on, while the transaction below prepares the layer.
        using var rows = StreamedEstates.Start(stream.Estates(ct), ct);
        var outcome = InTransaction(_ =>
        {
            LockVersion();
            var exists = _schema.TableExists(table);
            var before = exists ? _schema.Count(table) : 0;
            var version = NextVersion(options.ExpectedVersion);
            var append = options.Append && exists;
            var mode = !exists ? LayerWriteMode.Created : options.Append ? LayerWriteMode.Appended : LayerWriteMode.Replaced;
            if (WorkingCrs is null)
                SetMetadata("working_crs", srid.ToString(CultureInfo.InvariantCulture));
            if (exists)
                KeepPrevious(table);
            var reader = Reader();
            var communes = reader.Communes();
            rows.Join(communes, reader.Districts(), append ? reader.Keys(table, ProjectLayers.KeyOf(kind)) : null, DuplicateKeysReported);
            var definition = ProjectLayers.Definition(kind, srid);

            // The rows go straight into the layer's partitions: the table (created or replaced: without its key and GiST
            // index, built after the load), and a partition for the département of every commune of the project before the first row.
            if (exists && !append)
                _schema.Drop(table);
            if (!append)
                _schema.CreateTable(definition, partitioned: true, keyLater: true);
            else
                _schema.EnsureColumns(definition);
            var partitioned = _schema.PartitionsOf(table);
            var prepared = communes.Select(c => Departements.Of(c.Code)).Where(d => d.Length > 0 && !partitioned.Contains(d)).ToHashSet(StringComparer.Ordinal);
            _schema.EnsurePartitions(table, prepared);
            long written;
            HashSet<string> departements;
            using (var writer = new PgLayerWriter(_schema, definition, departementFrom: "commune_code", ct: ct))
            {
                rows.Write(writer, ct: ct);
                writer.Complete();
                written = writer.Written;
                departements = writer.Departements;
            }

            var result = stream.Result;
            if (result.Accepted == 0)
                throw new ReasonException(Message.Of("import_nothing_accepted", ("file", file), ("read", result.Read), ("rejected", result.Rejected)));
            if (!options.Append && !options.AllowShrink && before > 0 && result.Accepted < before * options.ShrinkThreshold)
                throw new ReasonException(Message.Of("import_would_shrink", ("file", file), ("layer", table), ("before", before), ("after", result.Accepted)));

            // The partitions match the rows as if they had been made for them: those prepared and left empty go,
            // rows of a département no commune announced leave the default partition for their own.
            _schema.DropPartitions(table, prepared.Where(d => !departements.Contains(d)));
            _schema.MovePartitions(table, definition, departements.Where(d => d.Length > 0 && !partitioned.Contains(d) && !prepared.Contains(d)));
            if (!append)
                _schema.AddPrimaryKey(table, partitioned: true);
            _schema.CreateSpatialIndex(table);
            if (!exists)
                KeepPrevious(table, empty: true);

            // The layer holds what it held when appended to, and the rows written (no count over every partition).
            var after = (append ? before : 0) + written;
            RecordRevision(kind, version, after, options.Source ?? file, previousRows: exists ? before : null);
            WriteAudit(options.Author, "import", table, $"{mode.ToString().ToLowerInvariant()} {before} -> {after} ({file}: read {result.Read}, accepted {result.Accepted}, rejected {result.Rejected})");
            ct.ThrowIfCancellationRequested();
            return new LayerWriteOutcome(kind, table, mode, before, after, written, rows.DuplicateCount, rows.Duplicates, rows.Enrichment, 0, srid) { DataVersion = version };
        });
        WorkingCrs ??= srid;
        return outcome;
    }
}
