using Territory.Store.Users;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;
using Territory.Store;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    public LayerWriteOutcome UndoImport(LayerKind kind, LayerWriteOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = ProjectLayers.TableOf(kind);
        var previous = table + StoreTables.PreviousSuffix;
        using var tx = Begin();
        if (!GeoPackageSchema.TableExists(_connection, tx, previous) || WorkingCrs is not int srid)
            throw new ReasonException(Message.Of("undo_nothing_kept", ("layer", table)));
        var version = NextVersion(tx, options.ExpectedVersion);
        var before = GeoPackageSchema.Count(_connection, tx, table);
        var undone = table + "__undone";
        GeoPackageSchema.Execute(_connection, tx,
            $"DROP TABLE IF EXISTS {GeoPackageSchema.Quote(undone)}; CREATE TABLE {GeoPackageSchema.Quote(undone)} AS SELECT * FROM {GeoPackageSchema.Quote(table)};");

        var definition = ProjectLayers.Definition(kind, srid);
        var columns = TableColumns.Select(_connection, tx, previous, definition.Columns.Select(c => c.Name));
        var blob = new GeoPackageBlob();
        var written = _file.WriteLayer(tx, definition, append: false, w =>
        {
            using var cmd = GeoPackageSchema.Command(_connection, tx, $"SELECT geom, {columns} FROM {GeoPackageSchema.Quote(previous)} ORDER BY fid");
            using var r = cmd.ExecuteReader();
            var values = new object?[definition.Columns.Count];
            while (r.Read())
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < values.Length; i++)
                    values[i] = r.IsDBNull(i + 1) ? null : r.GetValue(i + 1);
                w.Write(r.IsDBNull(0) ? null : blob.Read((byte[])r.GetValue(0)), values);
            }
        }, ct);
        GeoPackageSchema.Execute(_connection, tx,
            $"DROP TABLE {GeoPackageSchema.Quote(previous)}; ALTER TABLE {GeoPackageSchema.Quote(undone)} RENAME TO {GeoPackageSchema.Quote(previous)};");

        Core.Enrichment.EnrichmentReport? enrichment = null;
        long updated = 0;
        if (kind is LayerKind.Communes or LayerKind.Qpv && GeoPackageSchema.TableExists(_connection, tx, ProjectLayers.TableOf(LayerKind.Estates)))
            (enrichment, updated) = Rejoin(Reader(tx), tx, ct);
        var after = GeoPackageSchema.Count(_connection, tx, table);
        RecordRevision(tx, kind, version, after, "undo", previousRows: before);
        WriteAudit(tx, options.Author, "undo", table, AuditDetail.Of(("before", before), ("after", after)));
        tx.Commit();
        return new LayerWriteOutcome(kind, table, LayerWriteMode.Restored, before, after, written, 0, [], enrichment, updated, srid) { DataVersion = version };
    }

    /// <inheritdoc />
    public IReadOnlyList<LayerRevision> Revisions()
    {
        var list = new List<LayerRevision>();
        using var cmd = GeoPackageSchema.Command(_connection, null,
            $"SELECT layer, revision, rows, source, written_at, previous_rows, previous_source FROM {StoreTables.Layers.Name} ORDER BY layer");
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
    public void Audit(string? author, string action, string target, string? detail)
    {
        using var tx = Begin();
        WriteAudit(tx, author, action, target, detail);
        tx.Commit();
    }

    /// <summary>Copies the layer's current rows aside (plain table, not listed as a layer) before it is rewritten.</summary>
    /// <remarks>A layer just created keeps an empty previous version: undoing its first import empties it.</remarks>
    private void KeepPrevious(SqliteTransaction tx, string table, bool empty = false)
    {
        var previous = GeoPackageSchema.Quote(table + StoreTables.PreviousSuffix);
        GeoPackageSchema.Execute(_connection, tx,
            $"DROP TABLE IF EXISTS {previous}; CREATE TABLE {previous} AS SELECT * FROM {GeoPackageSchema.Quote(table)}{(empty ? " WHERE 0" : "")};");
    }

    private void RecordRevision(SqliteTransaction tx, LayerKind kind, long version, long rows, string? source, long? previousRows)
    {
        string? previousSource = null;
        using (var get = GeoPackageSchema.Command(_connection, tx, $"SELECT source FROM {StoreTables.Layers.Name} WHERE layer = $l"))
        {
            get.Parameters.AddWithValue("$l", kind.Code());
            previousSource = get.ExecuteScalar() as string;
        }
        using (var delete = GeoPackageSchema.Command(_connection, tx, $"DELETE FROM {StoreTables.Layers.Name} WHERE layer = $l"))
        {
            delete.Parameters.AddWithValue("$l", kind.Code());
            delete.ExecuteNonQuery();
        }
        using var insert = GeoPackageSchema.Command(_connection, tx,
            $"INSERT INTO {StoreTables.Layers.Name} (layer, revision, rows, source, written_at, previous_rows, previous_source) VALUES ($l, $v, $n, $s, $t, $pn, $ps)");
        insert.Parameters.AddWithValue("$l", kind.Code());
        insert.Parameters.AddWithValue("$v", version);
        insert.Parameters.AddWithValue("$n", rows);
        insert.Parameters.AddWithValue("$s", (object?)source ?? DBNull.Value);
        insert.Parameters.AddWithValue("$t", Now());
        insert.Parameters.AddWithValue("$pn", (object?)previousRows ?? DBNull.Value);
        insert.Parameters.AddWithValue("$ps", previousRows is null ? DBNull.Value : (object?)previousSource ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }

    private void WriteAudit(SqliteTransaction tx, string? author, string action, string target, string? detail)
    {
        using var insert = GeoPackageSchema.Command(_connection, tx,
            $"INSERT INTO {StoreTables.AuditLog.Name} (at, author, action, target, detail) VALUES ($at, $a, $x, $t, $d)");
        insert.Parameters.AddWithValue("$at", Now());
        insert.Parameters.AddWithValue("$a", (object?)author ?? DBNull.Value);
        insert.Parameters.AddWithValue("$x", action);
        insert.Parameters.AddWithValue("$t", target);
        insert.Parameters.AddWithValue("$d", (object?)detail ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }
}
