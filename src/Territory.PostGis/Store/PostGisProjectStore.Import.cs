using Territory.Store.Users;
using Territory.Core.Enrichment;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Layers;
using Territory.Store;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    private const string EstatesTable = "estates";

    /// <inheritdoc />
    /// <remarks>
    /// The same rules as the GeoPackage store (nothing accepted refused, shrink refused without
    /// <see cref="LayerWriteOptions.AllowShrink"/>, appended keys already stored skipped, spatial join of
    /// estates against the communes and QPV, re-join of every estate when those change) in one transaction.
    /// Rows go in by binary COPY; a replaced layer is dropped and created again, its GiST index built after the load.
    /// </remarks>
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
        var outcome = InTransaction(_ =>
        {
            LockVersion(options.Author);
            var exists = _schema.TableExists(table);
            var before = exists ? _schema.Count(table) : 0;
            if (!options.Append && !options.AllowShrink && before > 0 && result.Accepted < before * options.ShrinkThreshold)
                throw new ReasonException(Message.Of("import_would_shrink", ("file", file), ("layer", table), ("before", before), ("after", result.Accepted)));
            var version = NextVersion(options.ExpectedVersion);
            var mode = !exists ? LayerWriteMode.Created : options.Append ? LayerWriteMode.Appended : LayerWriteMode.Replaced;
            if (WorkingCrs is null)
                SetMetadata("working_crs", srid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (exists)
                KeepPrevious(table);
            var (written, duplicateCount, duplicates, enrichment) = WriteRows(result, options.Append && exists, exists, srid, ct);
            if (!exists)
                KeepPrevious(table, empty: true);

            long updated = 0;
            if (kind is LayerKind.Communes or LayerKind.Qpv && _schema.TableExists(EstatesTable))
                (enrichment, updated) = Rejoin(ct);

            var after = _schema.Count(table);
            RecordRevision(kind, version, after, options.Source ?? file, previousRows: exists ? before : null);
            WriteAudit(options.Author, "import", table, AuditDetail.Of(("mode", mode.ToString().ToLowerInvariant()), ("before", before), ("after", after), ("file", file), ("read", result.Read), ("accepted", result.Accepted), ("rejected", result.Rejected)));
            ct.ThrowIfCancellationRequested();
            return new LayerWriteOutcome(kind, table, mode, before, after, written, duplicateCount, duplicates, enrichment, updated, srid) { DataVersion = version };
        });
        WorkingCrs ??= srid;
        return outcome;
    }

    private (long Written, int DuplicateCount, List<string> Duplicates, EnrichmentReport? Enrichment) WriteRows(
        ImportResult result, bool append, bool exists, int srid, CancellationToken ct)
    {
        var kind = result.Kind;
        var table = ProjectLayers.TableOf(kind);
        var definition = ProjectLayers.Definition(kind, srid);
        var reader = Reader();
        var existingKeys = append ? reader.Keys(table, ProjectLayers.KeyOf(kind)) : null;
        var duplicates = new List<string>();
        var duplicateCount = 0;
        EnrichmentReport? enrichment = null;

        // Everything read before the COPY starts: a connection runs one statement at a time.
        Action<Territory.IO.Layers.ILayerWriter> fill;
        IEnumerable<string>? departements = null;
        switch (kind)
        {
            case LayerKind.Estates:
                var incoming = KeepNew(result.Estates, e => e.Id);
                IReadOnlyList<Estate> joined = incoming;
                var enricher = new SpatialEnricher(reader.Communes(), reader.Districts());
                if (enricher.HasReference)
                {
                    var run = enricher.Enrich(incoming, ct);
                    joined = run.Estates;
                    enrichment = run.Report;
                }
                departements = joined.Select(e => Departements.Of(e.CommuneCode)).ToHashSet(StringComparer.Ordinal);
                fill = w =>
                {
                    for (var i = 0; i < incoming.Count; i++)
                        ProjectLayers.Write(w, joined[i], incoming[i].CommuneCode, incoming[i].QpvCode);
                };
                break;
            case LayerKind.Agencies:
                var agencies = KeepNew(result.Agencies, a => a.Id);
                fill = w => { foreach (var a in agencies) ProjectLayers.Write(w, a); };
                break;
            case LayerKind.Communes:
                var communes = KeepNew(result.Communes, c => c.Code);
                fill = w => { foreach (var c in communes) ProjectLayers.Write(w, c); };
                break;
            case LayerKind.Qpv:
                var districts = KeepNew(result.Districts, d => d.Code);
                fill = w => { foreach (var d in districts) ProjectLayers.Write(w, d); };
                break;
            case LayerKind.Candidates:
                var candidates = KeepNew(result.Candidates, c => c.Id);
                fill = w => { foreach (var c in candidates) ProjectLayers.Write(w, c); };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), kind, "Unknown layer kind.");
        }
        var written = WriteInputRows(definition, append, exists, fill, departements, ct);
        return (written, duplicateCount, duplicates, enrichment);

        // Append policy: a key already stored before this import wins (as in the GeoPackage store).
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

    /// <summary>Writes an input layer's rows: creates it (estates partitioned by département) unless appending to it.</summary>
    /// <remarks>The partitions of the estates' départements are made before the COPY, which then routes each row to its own.</remarks>
    private long WriteInputRows(LayerDefinition definition, bool append, bool exists, Action<Territory.IO.Layers.ILayerWriter> fill, IEnumerable<string>? departements, CancellationToken ct)
    {
        var estates = definition.Name == EstatesTable;
        if (exists && !append)
            _schema.Drop(definition.Name);
        if (!append)
            _schema.CreateTable(definition, partitioned: estates);
        else if (exists)
            _schema.EnsureColumns(definition); // a table written by an older version gains the columns added since
        if (estates)
            _schema.EnsurePartitions(EstatesTable, departements ?? []);
        long written;
        using (var writer = new PgLayerWriter(_schema, definition, departementFrom: estates ? "commune_code" : null, ct: ct))
        {
            fill(writer);
            writer.Complete();
            written = writer.Written;
        }
        if (definition.IsSpatial)
            _schema.CreateSpatialIndex(definition.Name);
        return written;
    }
}
