using Territory.Store.Users;
using System.Globalization;
using NpgsqlTypes;
using Territory.Core.Enrichment;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Layers;
using Territory.PostGis.Connection;
using Territory.Store;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    /// <inheritdoc />
    public LayerWriteOutcome UndoImport(LayerKind kind, LayerWriteOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = ProjectLayers.TableOf(kind);
        var previous = table + StoreTables.PreviousSuffix;
        return InTransaction(_ =>
        {
            LockVersion(options.Author);
            if (!_schema.TableExists(previous) || WorkingCrs is not int srid)
                throw new ReasonException(Message.Of("undo_nothing_kept", ("layer", table)));
            var version = NextVersion(options.ExpectedVersion);
            var before = _schema.Count(table);
            var undone = table + "__undone";
            _schema.Execute($"DROP TABLE IF EXISTS {_schema.Q(undone)}; CREATE TABLE {_schema.Q(undone)} AS SELECT * FROM {_schema.Q(table)}");

            var definition = ProjectLayers.Definition(kind, srid);
            var estates = kind == LayerKind.Estates;
            _schema.Drop(table);
            _schema.CreateTable(definition, partitioned: estates);
            var names = new[] { "fid", LayerDefinition.GeometryColumn }.Concat(definition.Columns.Select(c => c.Name)).Concat(estates ? [PgSchema.DepartementColumn] : []).ToList();
            var columns = string.Join(", ", names.Select(PgIdentifier.Quote));
            var kept = _schema.SelectList(previous, names); // a previous version written by an older version lacks the columns added since
            if (estates)
                _schema.EnsurePartitions(table, DistinctDepartements(previous));
            ct.ThrowIfCancellationRequested();
            var written = (long)_schema.Execute($"INSERT INTO {_schema.Q(table)} ({columns}) SELECT {kept} FROM {_schema.Q(previous)} ORDER BY fid");
            _schema.CreateSpatialIndex(table);
            _schema.Execute($"DROP TABLE {_schema.Q(previous)}; ALTER TABLE {_schema.Q(undone)} RENAME TO {PgIdentifier.Quote(previous)}");

            EnrichmentReport? enrichment = null;
            long updated = 0;
            if (kind is LayerKind.Communes or LayerKind.Qpv && _schema.TableExists(EstatesTable))
                (enrichment, updated) = Rejoin(ct);
            var after = _schema.Count(table);
            RecordRevision(kind, version, after, "undo", previousRows: before);
            WriteAudit(options.Author, "undo", table, AuditDetail.Of(("before", before), ("after", after)));
            return new LayerWriteOutcome(kind, table, LayerWriteMode.Restored, before, after, written, 0, [], enrichment, updated, srid) { DataVersion = version };
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<LayerRevision> Revisions()
    {
        var list = new List<LayerRevision>();
        using var cmd = _schema.Command($"SELECT layer, revision, rows, source, written_at, previous_rows, previous_source FROM {_schema.Q(StoreTables.Layers.Name)} ORDER BY layer COLLATE \"C\"");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!LayerKinds.TryParse(r.GetString(0), out var kind))
                continue;
            list.Add(new LayerRevision(kind, r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture), r.IsDBNull(5) ? null : r.GetInt64(5), r.IsDBNull(6) ? null : r.GetString(6)));
        }
        return list;
    }

    /// <inheritdoc />
    public void Audit(string? author, string action, string target, string? detail) => InTransaction(_ =>
    {
        // A line alone changes no data: it takes the audit table's lock only (see WriteAudit), bounded like any write.
        BoundLockWaits();
        WriteAudit(author, action, target, detail);
        return 0;
    });

    /// <summary>Copies the layer's current rows aside (a plain table, not listed) before it is rewritten.</summary>
    private void KeepPrevious(string table, bool empty = false)
    {
        var previous = _schema.Q(table + StoreTables.PreviousSuffix);
        _schema.Execute($"DROP TABLE IF EXISTS {previous}; CREATE TABLE {previous} AS SELECT * FROM {_schema.Q(table)}{(empty ? " WHERE false" : "")}");
    }

    private IEnumerable<string> DistinctDepartements(string table)
    {
        var list = new List<string>();
        using var cmd = _schema.Command($"SELECT DISTINCT {PgSchema.DepartementColumn} FROM {_schema.Q(table)}");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(r.GetString(0));
        return list;
    }

    /// <summary>Recomputes the commune and QPV codes of every stored estate from its source codes; changed rows move to their département's partition.</summary>
    private (EnrichmentReport Report, long Updated) Rejoin(CancellationToken ct)
    {
        var reader = Reader();
        var stored = reader.EstatesForJoin();
        var sources = new Estate[stored.Count];
        for (var i = 0; i < sources.Length; i++)
            sources[i] = new Estate { Id = "", Dwellings = 0, Geometry = stored[i].Geometry, CommuneCode = stored[i].CommuneSource, QpvCode = stored[i].QpvSource };
        var run = new SpatialEnricher(reader.Communes(), reader.Districts()).Enrich(sources, ct);

        var changed = new List<(long Fid, string? Commune, string? Qpv)>();
        for (var i = 0; i < stored.Count; i++)
        {
            var now = run.Estates[i];
            if (!string.Equals(now.CommuneCode, stored[i].Commune, StringComparison.Ordinal) || !string.Equals(now.QpvCode, stored[i].Qpv, StringComparison.Ordinal))
                changed.Add((stored[i].Fid, now.CommuneCode, now.QpvCode));
        }
        if (changed.Count == 0)
            return (run.Report, 0);
        _schema.EnsurePartitions(EstatesTable, changed.Select(c => Departements.Of(c.Commune)));
        _schema.Execute("CREATE TEMP TABLE territory_rejoin (fid bigint PRIMARY KEY, commune_code text, qpv_code text, departement text NOT NULL) ON COMMIT DROP");
        using (var copy = _connection.BeginBinaryImport("COPY territory_rejoin (fid, commune_code, qpv_code, departement) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (fid, commune, qpv) in changed)
            {
                copy.StartRow();
                copy.Write(fid, NpgsqlDbType.Bigint);
                if (commune is null) copy.WriteNull(); else copy.Write(commune, NpgsqlDbType.Text);
                if (qpv is null) copy.WriteNull(); else copy.Write(qpv, NpgsqlDbType.Text);
                copy.Write(Departements.Of(commune), NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        ct.ThrowIfCancellationRequested();
        var updated = _schema.Execute($"""
            UPDATE {_schema.Q(EstatesTable)} e SET commune_code = u.commune_code, qpv_code = u.qpv_code, {PgSchema.DepartementColumn} = u.departement
            FROM territory_rejoin u WHERE e.fid = u.fid
            """);
        _schema.Execute("DROP TABLE territory_rejoin");
        return (run.Report, updated);
    }

    private void RecordRevision(LayerKind kind, long version, long rows, string? source, long? previousRows)
    {
        var table = _schema.Q(StoreTables.Layers.Name);
        var previousSource = _schema.Scalar($"SELECT source FROM {table} WHERE layer = @l", ("l", kind.Code())) as string;
        _schema.Execute($"DELETE FROM {table} WHERE layer = @l", ("l", kind.Code()));
        _schema.Execute($"""
            INSERT INTO {table} (fid, layer, revision, rows, source, written_at, previous_rows, previous_source)
            VALUES ((SELECT coalesce(max(fid), 0) + 1 FROM {table}), @l, @v, @n, @s, @t, @pn, @ps)
            """,
            ("l", kind.Code()), ("v", version), ("n", rows), ("s", source), ("t", Now()), ("pn", previousRows), ("ps", previousRows is null ? null : previousSource));
    }

    private void WriteAudit(string? author, string action, string target, string? detail)
    {
        var table = _schema.Q(StoreTables.AuditLog.Name);
        // Audit lines are numbered under their own lock (held to the end of the transaction), not the data-version row:
        // a sign-in's line never waits for a long import, only for the moment another line is being added.
        _schema.Execute("SELECT pg_advisory_xact_lock(hashtext(@k))", ("k", _schema.Name + "." + StoreTables.AuditLog.Name));
        _schema.Execute($"INSERT INTO {table} (fid, at, author, action, target, detail) VALUES ((SELECT coalesce(max(fid), 0) + 1 FROM {table}), @at, @a, @x, @t, @d)",
            ("at", Now()), ("a", author), ("x", action), ("t", target), ("d", detail));
    }
}
