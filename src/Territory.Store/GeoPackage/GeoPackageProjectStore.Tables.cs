using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    /// <remarks>The tables registered in <c>gpkg_contents</c> (described from the file), then the previous version of each input layer.</remarks>
    public IReadOnlyList<LayerDefinition> Tables()
    {
        var tables = new List<LayerDefinition>();
        var registered = new List<(string Name, string? Geometry, int Srid, string Description)>();
        using (var cmd = GeoPackageSchema.Command(_connection, null, """
                   SELECT c.table_name, g.geometry_type_name, coalesce(g.srs_id, 0), coalesce(c.description, '')
                   FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name ORDER BY c.table_name
                   """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                registered.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetString(3)));
        }
        foreach (var (name, geometry, srid, description) in registered)
            tables.Add(new LayerDefinition(name, geometry, srid, DescribeColumns(name)) { Description = description });
        if (WorkingCrs is int crs)
        {
            foreach (var kind in ProjectLayers.All)
            {
                var previous = ProjectLayers.TableOf(kind) + StoreTables.PreviousSuffix;
                if (GeoPackageSchema.TableExists(_connection, null, previous))
                    tables.Add(ProjectLayers.Definition(kind, crs) with { Name = previous });
            }
        }
        return tables;
    }

    /// <inheritdoc />
    public IEnumerable<TableRow> ReadRows(LayerDefinition table, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        // A previous version kept by an older version lacks the columns added since: they read as NULL.
        var columns = TableColumns.Select(_connection, null, table.Name, table.Columns.Select(c => c.Name));
        if (table.IsSpatial)
            columns = table.Columns.Count == 0 ? LayerDefinition.GeometryColumn : LayerDefinition.GeometryColumn + ", " + columns;
        using var cmd = GeoPackageSchema.Command(_connection, null, $"SELECT {columns} FROM {GeoPackageSchema.Quote(table.Name)} ORDER BY fid");
        using var r = cmd.ExecuteReader();
        var blob = new GeoPackageBlob();
        var first = table.IsSpatial ? 1 : 0;
        long n = 0;
        while (r.Read())
        {
            if ((++n & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = r.IsDBNull(first + i) ? null : r.GetValue(first + i);
            var geometry = table.IsSpatial && !r.IsDBNull(0) ? blob.Read((byte[])r.GetValue(0)) : null;
            yield return new TableRow(geometry, values);
        }
    }

    /// <inheritdoc />
    /// <remarks>Previous versions are plain tables, as <c>ImportLayer</c> keeps them (not registered as layers).</remarks>
    public void Restore(IReadOnlyList<LayerDefinition> tables, Func<LayerDefinition, IEnumerable<TableRow>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(rows);
        var existingTables = Tables();
        using var tx = _connection.BeginTransaction();
        foreach (var existing in existingTables)
        {
            if (existing.Name.EndsWith(StoreTables.PreviousSuffix, StringComparison.Ordinal))
                GeoPackageSchema.Execute(_connection, tx, $"DROP TABLE {GeoPackageSchema.Quote(existing.Name)}");
            else
                GeoPackageSchema.DropLayer(_connection, tx, existing.Name);
        }
        foreach (var table in tables.Where(t => !t.Name.EndsWith(StoreTables.PreviousSuffix, StringComparison.Ordinal)))
        {
            if (table.IsSpatial)
                GeoPackageSchema.EnsureSrs(_connection, tx, table.Srid);
            _file.WriteLayer(tx, table, append: false, w =>
            {
                foreach (var row in rows(table))
                    w.Write(row.Geometry, row.Values);
            }, ct);
        }
        foreach (var table in tables.Where(t => t.Name.EndsWith(StoreTables.PreviousSuffix, StringComparison.Ordinal)))
            WritePlainTable(tx, table, rows(table), ct);
        tx.Commit();
        var crs = GetMetadata(null, "working_crs");
        WorkingCrs = crs is null ? null : int.Parse(crs, CultureInfo.InvariantCulture);
    }

    /// <summary>A table outside <c>gpkg_contents</c> with fid, geometry blob and columns (the previous version of a layer).</summary>
    private void WritePlainTable(SqliteTransaction tx, LayerDefinition table, IEnumerable<TableRow> rows, CancellationToken ct)
    {
        var columns = new List<string> { "fid INTEGER PRIMARY KEY AUTOINCREMENT" };
        if (table.IsSpatial)
            columns.Add($"{LayerDefinition.GeometryColumn} BLOB");
        columns.AddRange(table.Columns.Select(c => $"{GeoPackageSchema.Quote(c.Name)} {GeoPackageSchema.SqlType(c.Type)}"));
        GeoPackageSchema.Execute(_connection, tx, $"CREATE TABLE {GeoPackageSchema.Quote(table.Name)} ({string.Join(", ", columns)})");
        var names = table.Columns.Select(c => GeoPackageSchema.Quote(c.Name)).ToList();
        if (table.IsSpatial)
            names.Insert(0, LayerDefinition.GeometryColumn);
        using var insert = GeoPackageSchema.Command(_connection, tx,
            $"INSERT INTO {GeoPackageSchema.Quote(table.Name)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})");
        var parameters = names.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Blob)).ToArray();
        var blob = new GeoPackageBlob();
        long n = 0;
        foreach (var row in rows)
        {
            if ((++n & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            var first = 0;
            if (table.IsSpatial)
            {
                parameters[0].SqliteType = SqliteType.Blob;
                parameters[0].Value = row.Geometry is null ? DBNull.Value : blob.Write(row.Geometry, table.Srid);
                first = 1;
            }
            for (var i = 0; i < row.Values.Length; i++)
            {
                var value = row.Values[i] is bool b ? (b ? 1L : 0L) : row.Values[i];
                parameters[first + i].ResetSqliteType();
                parameters[first + i].Value = value ?? DBNull.Value;
            }
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The attribute columns of a table as the file declares them (fid and geometry left out).</summary>
    private List<LayerColumn> DescribeColumns(string table)
    {
        var columns = new List<LayerColumn>();
        using var cmd = GeoPackageSchema.Command(_connection, null, $"PRAGMA table_info({GeoPackageSchema.Quote(table)})");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var name = r.GetString(1);
            if (name is "fid" or LayerDefinition.GeometryColumn)
                continue;
            var type = (r.IsDBNull(2) ? "" : r.GetString(2)).ToUpperInvariant();
            var columnType = type switch
            {
                "INTEGER" or "INT" or "BIGINT" or "SMALLINT" or "MEDIUMINT" or "TINYINT" => ColumnType.Integer,
                "REAL" or "DOUBLE" or "FLOAT" => ColumnType.Real,
                "BOOLEAN" => ColumnType.Boolean,
                "DATETIME" or "DATE" => ColumnType.DateTime,
                "BLOB" => ColumnType.Blob,
                _ => ColumnType.Text,
            };
            columns.Add(new LayerColumn(name, columnType, r.GetInt32(3) != 0));
        }
        return columns;
    }

    /// <summary>The kind whose previous version a table holds, if it is one.</summary>
    internal static bool IsPrevious(string table, out LayerKind kind)
    {
        kind = default;
        return table.EndsWith(StoreTables.PreviousSuffix, StringComparison.Ordinal)
            && LayerKinds.TryParse(table[..^StoreTables.PreviousSuffix.Length], out kind);
    }
}
