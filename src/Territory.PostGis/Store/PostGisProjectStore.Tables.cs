using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Layers;
using Territory.PostGis.Connection;
using Territory.Store;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    /// <inheritdoc />
    /// <remarks>The tables listed in <c>territory_contents</c> (described from the catalogue), then the previous version of each input layer.</remarks>
    public IReadOnlyList<LayerDefinition> Tables()
    {
        var registered = new List<(string Name, string? Geometry, int Srid, string Description)>();
        using (var cmd = _schema.Command($"SELECT table_name, geometry_type, coalesce(srid, 0), description FROM {_schema.Q(PgSchema.Contents)} ORDER BY table_name COLLATE \"C\""))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                registered.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetString(3)));
        }
        var tables = registered.ConvertAll(t => new LayerDefinition(t.Name, t.Geometry, t.Srid, DescribeColumns(t.Name)) { Description = t.Description });
        if (WorkingCrs is int crs)
        {
            foreach (var kind in ProjectLayers.All)
            {
                var previous = ProjectLayers.TableOf(kind) + StoreTables.PreviousSuffix;
                if (_schema.TableExists(previous))
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
        var columns = _schema.SelectList(table.Name, table.Columns.Select(c => c.Name));
        if (table.IsSpatial)
            columns = table.Columns.Count == 0 ? LayerDefinition.GeometryColumn : LayerDefinition.GeometryColumn + ", " + columns;
        using var cmd = _schema.Command($"SELECT {columns} FROM {_schema.Q(table.Name)} ORDER BY fid");
        using var r = cmd.ExecuteReader();
        var first = table.IsSpatial ? 1 : 0;
        long n = 0;
        while (r.Read())
        {
            if ((++n & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = PgProjectReader.Plain(r, first + i);
            var geometry = table.IsSpatial && !r.IsDBNull(0) ? r.GetFieldValue<Geometry>(0) : null;
            yield return new TableRow(geometry, values);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: every table of the schema is dropped, then each given table is created as this
    /// store makes it (estates partitioned by département, previous versions as plain tables) and filled by COPY.
    /// </remarks>
    public void Restore(IReadOnlyList<LayerDefinition> tables, Func<LayerDefinition, IEnumerable<TableRow>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(rows);
        InTransaction(_ =>
        {
            LockVersion();
            foreach (var existing in Tables().Where(t => t.Name != ProjectLayers.Metadata))
                _schema.Drop(existing.Name);
            foreach (var table in tables)
            {
                ct.ThrowIfCancellationRequested();
                var previous = table.Name.EndsWith(StoreTables.PreviousSuffix, StringComparison.Ordinal);
                var isEstates = table.Name == EstatesTable || table.Name == EstatesTable + StoreTables.PreviousSuffix;
                if (table.Name == ProjectLayers.Metadata)
                {
                    // The metadata table holds the version row this transaction locked: refill it in place.
                    var keys = new List<string>();
                    foreach (var row in rows(table))
                    {
                        keys.Add((string)row.Values[0]!);
                        SetMetadata(keys[^1], row.Values[1] as string ?? "");
                    }
                    _schema.Execute($"DELETE FROM {_schema.Q(ProjectLayers.Metadata)} WHERE NOT (key = ANY(@k))", ("k", keys.ToArray()));
                    continue;
                }
                List<TableRow>? buffered = null;
                if (isEstates && !previous)
                {
                    // The partitions must exist before the COPY routes rows to them.
                    buffered = rows(table).ToList();
                    var commune = table.Columns.ToList().FindIndex(c => c.Name == "commune_code");
                    _schema.CreateTable(table, partitioned: true);
                    _schema.EnsurePartitions(EstatesTable, buffered.Select(r => Departements.Of(commune < 0 ? null : r.Values[commune] as string)));
                }
                else
                    _schema.CreateTable(table, withDepartement: isEstates, register: !previous);
                using (var writer = new PgLayerWriter(_schema, table, departementFrom: isEstates ? "commune_code" : null, ct: ct))
                {
                    foreach (var row in buffered ?? rows(table))
                        writer.Write(row.Geometry, row.Values);
                    writer.Complete();
                }
                if (table.IsSpatial && !previous)
                    _schema.CreateSpatialIndex(table.Name);
            }
            return 0;
        });
        var crs = GetMetadata("working_crs");
        WorkingCrs = crs is null ? null : int.Parse(crs, CultureInfo.InvariantCulture);
    }

    /// <summary>A registered table's definition.</summary>
    private LayerDefinition Describe(string table)
    {
        using var cmd = _schema.Command($"SELECT geometry_type, coalesce(srid, 0), description FROM {_schema.Q(PgSchema.Contents)} WHERE table_name = @t", ("t", table));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            throw new ArgumentException($"No table {table} in {Location}.", nameof(table));
        var (geometry, srid, description) = (r.IsDBNull(0) ? null : r.GetString(0), r.GetInt32(1), r.GetString(2));
        r.Close();
        return new LayerDefinition(table, geometry, srid, DescribeColumns(table)) { Description = description };
    }

    /// <summary>The columns of a table from the catalogue (fid, geometry and the estates' partition key left out).</summary>
    private List<LayerColumn> DescribeColumns(string table)
    {
        var columns = new List<LayerColumn>();
        // pg_attribute of this one relation (information_schema would look at every table of the database).
        using var cmd = _schema.Command("""
            SELECT attname, format_type(atttypid, atttypmod), CASE WHEN attnotnull THEN 'NO' ELSE 'YES' END FROM pg_attribute
            WHERE attrelid = to_regclass(@t) AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """, ("t", _schema.Q(table)));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var name = r.GetString(0);
            if (name is "fid" or LayerDefinition.GeometryColumn || (name == PgSchema.DepartementColumn && table.StartsWith(EstatesTable, StringComparison.Ordinal)))
                continue;
            columns.Add(new LayerColumn(name, PgSchema.ColumnTypeOf(r.GetString(1)), r.GetString(2) == "NO"));
        }
        return columns;
    }
}
