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
    private const string StagingSuffix = "__staging";

    /// <inheritdoc />
    /// <remarks>
    /// Streamed estates go by binary COPY into a staging table of the transaction as they are read (the
    /// département partitions they need are known only at the end); then the checks that need the whole file
    /// (nothing accepted, a shrink), the partitions, one <c>INSERT … SELECT</c> into the layer and the GiST index.
    /// A failure anywhere rolls the whole transaction back. A layer read whole goes through
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
        var staging = table + StagingSuffix;
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
            var rows = new StreamedEstates(reader.Communes(), reader.Districts(),
                append ? reader.Keys(table, ProjectLayers.KeyOf(kind)) : null, DuplicateKeysReported);
            var definition = ProjectLayers.Definition(kind, srid);
            var firstFid = append ? 1 + Convert.ToInt64(_schema.Scalar($"SELECT coalesce(max(fid), 0) FROM {_schema.Q(table)}"), CultureInfo.InvariantCulture) : 1;

            _schema.Execute($"DROP TABLE IF EXISTS {_schema.Q(staging)}");
            _schema.CreateTable(definition, staging, withDepartement: true, register: false);
            _schema.Execute($"ALTER TABLE {_schema.Q(staging)} SET UNLOGGED");
            long written;
            HashSet<string> departements;
            using (var writer = new PgLayerWriter(_schema, definition, staging, departementFrom: "commune_code", ct: ct, firstFid: firstFid))
            {
                rows.Write(stream.Estates(ct), writer, ct: ct);
                writer.Complete();
                written = writer.Written;
                departements = writer.Departements;
            }

            var result = stream.Result;
            if (result.Accepted == 0)
                throw new ReasonException(Message.Of("import_nothing_accepted", ("file", file), ("read", result.Read), ("rejected", result.Rejected)));
            if (!options.Append && !options.AllowShrink && before > 0 && result.Accepted < before * options.ShrinkThreshold)
                throw new ReasonException(Message.Of("import_would_shrink", ("file", file), ("layer", table), ("before", before), ("after", result.Accepted)));

            if (exists && !append)
                _schema.Drop(table);
            if (!append)
                _schema.CreateTable(definition, partitioned: true);
            else
                _schema.EnsureColumns(definition);
            _schema.EnsurePartitions(table, departements);
            var columns = string.Join(", ", new[] { "fid", LayerDefinition.GeometryColumn }
                .Concat(definition.Columns.Select(c => PgIdentifier.Quote(c.Name))).Append(PgSchema.DepartementColumn));
            _schema.Execute($"INSERT INTO {_schema.Q(table)} ({columns}) SELECT {columns} FROM {_schema.Q(staging)}");
            _schema.Execute($"DROP TABLE {_schema.Q(staging)}");
            _schema.CreateSpatialIndex(table);
            if (!exists)
                KeepPrevious(table, empty: true);

            var after = _schema.Count(table);
            RecordRevision(kind, version, after, options.Source ?? file, previousRows: exists ? before : null);
            WriteAudit(options.Author, "import", table, $"{mode.ToString().ToLowerInvariant()} {before} -> {after} ({file}: read {result.Read}, accepted {result.Accepted}, rejected {result.Rejected})");
            ct.ThrowIfCancellationRequested();
            return new LayerWriteOutcome(kind, table, mode, before, after, written, rows.DuplicateCount, rows.Duplicates, rows.Enrichment, 0, srid) { DataVersion = version };
        });
        WorkingCrs ??= srid;
        return outcome;
    }
}
