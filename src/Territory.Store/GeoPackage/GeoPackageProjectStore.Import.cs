using Territory.Store.Users;
using Microsoft.Data.Sqlite;
using Territory.Core.Enrichment;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.IO.Layers;
using Territory.Store;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Estates imported into a project with communes or QPV are joined before being written;
    /// importing communes or QPV re-joins every stored estate (from its source codes). The layer's
    /// previous content is kept for <see cref="UndoImport"/>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The result is not in the project's working CRS.</exception>
    public LayerWriteOutcome ImportLayer(ImportResult result, LayerWriteOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var srid = result.TargetCrs;
        var file = ImportGuard.WorkingCrsFile(result.SourcePath, srid, WorkingCrs);
        if (result.Accepted == 0)
            throw new ReasonException(Message.Of("import_nothing_accepted", ("file", file), ("read", result.Read), ("rejected", result.Rejected)));
        ct.ThrowIfCancellationRequested();

        var kind = result.Kind;
        var table = ProjectLayers.TableOf(kind);
        using var tx = Begin();
        var exists = GeoPackageSchema.TableExists(_connection, tx, table);
        var before = exists ? GeoPackageSchema.Count(_connection, tx, table) : 0;
        if (!options.Append && !options.AllowShrink && before > 0 && result.Accepted < before * options.ShrinkThreshold)
            throw new ReasonException(Message.Of("import_would_shrink", ("file", file), ("layer", table), ("before", before), ("after", result.Accepted)));
        var version = NextVersion(tx, options.ExpectedVersion);
        var mode = !exists ? LayerWriteMode.Created : options.Append ? LayerWriteMode.Appended : LayerWriteMode.Replaced;
        if (WorkingCrs is null)
            SetMetadata(tx, "working_crs", srid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exists)
            KeepPrevious(tx, table);
        var (written, duplicateCount, duplicates, enrichment) = WriteRows(tx, result, options.Append && exists, srid, ct);
        if (!exists)
            KeepPrevious(tx, table, empty: true);

        long updated = 0;
        if (kind is LayerKind.Communes or LayerKind.Qpv && GeoPackageSchema.TableExists(_connection, tx, ProjectLayers.TableOf(LayerKind.Estates)))
            (enrichment, updated) = Rejoin(Reader(tx), tx, ct);

        var after = GeoPackageSchema.Count(_connection, tx, table);
        RecordRevision(tx, kind, version, after, options.Source ?? file, previousRows: exists ? before : null);
        WriteAudit(tx, options.Author, "import", table, AuditDetail.Of(("mode", mode.ToString().ToLowerInvariant()), ("before", before), ("after", after), ("file", file), ("read", result.Read), ("accepted", result.Accepted), ("rejected", result.Rejected)));
        ct.ThrowIfCancellationRequested();
        tx.Commit();
        WorkingCrs ??= srid;
        return new LayerWriteOutcome(kind, table, mode, before, after, written, duplicateCount, duplicates, enrichment, updated, srid) { DataVersion = version };
    }

    private (long Written, int DuplicateCount, List<string> Duplicates, EnrichmentReport? Enrichment) WriteRows(
        SqliteTransaction tx, ImportResult result, bool append, int srid, CancellationToken ct)
    {
        var kind = result.Kind;
        var reader = Reader(tx);
        var existingKeys = append ? reader.Keys(ProjectLayers.TableOf(kind), ProjectLayers.KeyOf(kind)) : null;
        var duplicates = new List<string>();
        var duplicateCount = 0;
        EnrichmentReport? enrichment = null;
        var definition = ProjectLayers.Definition(kind, srid, ProjectLayers.EstateGeometryType(result.Estates));
        if (append)
            TableColumns.Ensure(_connection, tx, definition);
        var written = _file.WriteLayer(tx, definition, append, writer =>
        {
            switch (kind)
            {
                case LayerKind.Estates:
                    var incoming = KeepNew(result.Estates, e => e.Id);
                    var enricher = new SpatialEnricher(reader.Communes(), reader.Districts());
                    IReadOnlyList<Estate> joined = incoming;
                    if (enricher.HasReference)
                    {
                        var run = enricher.Enrich(incoming, ct);
                        joined = run.Estates;
                        enrichment = run.Report;
                    }
                    for (var i = 0; i < incoming.Count; i++)
                        ProjectLayers.Write(writer, joined[i], incoming[i].CommuneCode, incoming[i].QpvCode);
                    break;
                case LayerKind.Agencies:
                    foreach (var a in KeepNew(result.Agencies, a => a.Id))
                        ProjectLayers.Write(writer, a);
                    break;
                case LayerKind.Communes:
                    foreach (var c in KeepNew(result.Communes, c => c.Code))
                        ProjectLayers.Write(writer, c);
                    break;
                case LayerKind.Qpv:
                    foreach (var d in KeepNew(result.Districts, d => d.Code))
                        ProjectLayers.Write(writer, d);
                    break;
                case LayerKind.Candidates:
                    foreach (var c in KeepNew(result.Candidates, c => c.Id))
                        ProjectLayers.Write(writer, c);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(result), kind, "Unknown layer kind.");
            }
        }, ct);
        return (written, duplicateCount, duplicates, enrichment);

        // Append policy: a key already stored before this import wins; duplicates inside one
        // import are the importer's decision (it reports them) and are written as given.
        IReadOnlyList<T> KeepNew<T>(IReadOnlyList<T> rows, Func<T, string> key)
        {
            if (existingKeys is null)
                return rows;
            var kept = new List<T>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                if ((i & 4095) == 0)
                    ct.ThrowIfCancellationRequested();
                var row = rows[i];
                var k = key(row);
                if (existingKeys.Contains(k))
                {
                    duplicateCount++;
                    if (duplicates.Count < DuplicateKeysReported)
                        duplicates.Add(k);
                }
                else
                    kept.Add(row);
            }
            return kept;
        }
    }

    /// <summary>Recomputes the commune and QPV codes of every stored estate from its source codes.</summary>
    private (EnrichmentReport Report, long Updated) Rejoin(ProjectLayerReader reader, SqliteTransaction tx, CancellationToken ct)
    {
        var stored = reader.EstatesForJoin();
        var sources = new Estate[stored.Count];
        for (var i = 0; i < sources.Length; i++)
            sources[i] = stored[i].AsImported;
        var run = new SpatialEnricher(reader.Communes(), reader.Districts()).Enrich(sources, ct);

        using var update = new RawStatement(_connection, "UPDATE estates SET commune_code = ?1, qpv_code = ?2 WHERE fid = ?3");
        long updated = 0;
        for (var i = 0; i < stored.Count; i++)
        {
            if ((i & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            var now = run.Estates[i];
            var was = stored[i].Estate;
            if (string.Equals(now.CommuneCode, was.CommuneCode, StringComparison.Ordinal)
                && string.Equals(now.QpvCode, was.QpvCode, StringComparison.Ordinal))
                continue;
            update.Bind(1, now.CommuneCode);
            update.Bind(2, now.QpvCode);
            update.BindInt64(3, stored[i].Fid);
            update.Step();
            updated++;
        }
        _ = tx;
        return (run.Report, updated);
    }
}
