using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Territory.IO.Layers;
using Territory.PostGis.Connection;

namespace Territory.PostGis.Store;

/// <summary>DDL and small statements on one project schema; every identifier goes through <see cref="PgIdentifier"/>.</summary>
internal sealed class PgSchema(NpgsqlConnection connection, string schema)
{
    /// <summary>The registry of the schema's tables (the PostGIS counterpart of <c>gpkg_contents</c>): name, kind, geometry type, CRS, description.</summary>
    public const string Contents = "territory_contents";

    /// <summary>Binary files of the project (the road graph and its hierarchy), in parts.</summary>
    public const string Files = "territory_files";

    /// <summary>The estates column holding the partition key.</summary>
    public const string DepartementColumn = "departement";

    public NpgsqlConnection Connection => connection;

    public string Name => schema;

    /// <summary><c>"schema"."table"</c>.</summary>
    public string Q(string table) => PgIdentifier.Qualify(schema, table);

    public NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public bool TableExists(string table) =>
        Scalar("SELECT to_regclass(@t) IS NOT NULL", ("t", $"{Quoteless(schema)}.{Quoteless(table)}")) is true;

    public bool IsRegistered(string table) =>
        Scalar($"SELECT count(*) FROM {Q(Contents)} WHERE table_name = @t", ("t", table)) is long n && n > 0;

    public long Count(string table) => Convert.ToInt64(Scalar($"SELECT count(*) FROM {Q(table)}"), CultureInfo.InvariantCulture);

    /// <summary>Creates a table for a layer definition: <c>fid bigint</c> primary key, a typed geometry column in its CRS, the columns.</summary>
    /// <param name="layer">The definition.</param>
    /// <param name="name">The table name (the definition's unless given).</param>
    /// <param name="partitioned">Estates: <c>departement</c> column, <c>PARTITION BY LIST (departement)</c> and its default partition.</param>
    /// <param name="withDepartement">A plain table that keeps the estates' <c>departement</c> column (their previous version).</param>
    /// <param name="register">True to list the table in <see cref="Contents"/> (a layer or a store table); false for previous versions.</param>
    /// <param name="keyLater">True to leave out the primary key, which <see cref="AddPrimaryKey"/> then builds over the loaded rows
    /// (one sort instead of an index grown row by row; the same key and name).</param>
    public void CreateTable(LayerDefinition layer, string? name = null, bool partitioned = false, bool withDepartement = false, bool register = true, bool keyLater = false)
    {
        name ??= layer.Name;
        var columns = new List<string> { "fid bigint NOT NULL" };
        if (layer.IsSpatial)
            columns.Add($"{LayerDefinition.GeometryColumn} geometry({GeometryTypeOf(layer.GeometryType)}, {layer.Srid.ToString(CultureInfo.InvariantCulture)})");
        columns.AddRange(layer.Columns.Select(c => $"{PgIdentifier.Quote(c.Name)} {SqlType(c.Type)}{(c.NotNull ? " NOT NULL" : "")}"));
        if (partitioned || withDepartement)
            columns.Add($"{DepartementColumn} text NOT NULL");
        if (!keyLater)
            columns.Add(PrimaryKey(partitioned));
        Execute($"CREATE TABLE {Q(name)} ({string.Join(", ", columns)}){(partitioned ? $" PARTITION BY LIST ({DepartementColumn})" : "")}");
        if (partitioned)
            Execute($"CREATE TABLE {Q(Departements.PartitionOf(name, Departements.Unknown))} PARTITION OF {Q(name)} DEFAULT");
        if (register)
        {
            Execute($"DELETE FROM {Q(Contents)} WHERE table_name = @t", ("t", name));
            Execute($"INSERT INTO {Q(Contents)} (table_name, data_type, geometry_type, srid, description) VALUES (@t, @d, @g, @s, @x)",
                ("t", name), ("d", layer.IsSpatial ? "features" : "attributes"), ("g", layer.GeometryType), ("s", layer.IsSpatial ? layer.Srid : null), ("x", layer.Description));
        }
    }

    /// <summary>The primary key left out by <see cref="CreateTable"/> (<c>keyLater</c>).</summary>
    public void AddPrimaryKey(string table, bool partitioned) => Execute($"ALTER TABLE {Q(table)} ADD {PrimaryKey(partitioned)}");

    private static string PrimaryKey(bool partitioned) => partitioned ? $"PRIMARY KEY ({DepartementColumn}, fid)" : "PRIMARY KEY (fid)";

    /// <summary>Column names of a table (empty when it does not exist).</summary>
    public HashSet<string> ColumnsOf(string table)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(@t) AND attnum > 0 AND NOT attisdropped",
            ("t", $"{Quoteless(schema)}.{Quoteless(table)}"));
        using var r = cmd.ExecuteReader();
        while (r.Read())
            names.Add(r.GetString(0));
        return names;
    }

    /// <summary>A SELECT list naming every column, <c>NULL AS "x"</c> for those the table lacks (a project written by an older version).</summary>
    public string SelectList(string table, IEnumerable<string> columns)
    {
        var present = ColumnsOf(table);
        return string.Join(", ", columns.Select(c => present.Contains(c) ? PgIdentifier.Quote(c) : $"NULL AS {PgIdentifier.Quote(c)}"));
    }

    /// <summary>Adds to an existing table the columns of <paramref name="layer"/> it lacks (nullable, no default; a partitioned table passes them to its partitions).</summary>
    public void EnsureColumns(LayerDefinition layer, string? name = null)
    {
        name ??= layer.Name;
        var present = ColumnsOf(name);
        if (present.Count == 0)
            return;
        foreach (var c in layer.Columns.Where(c => !present.Contains(c.Name)))
            Execute($"ALTER TABLE {Q(name)} ADD COLUMN IF NOT EXISTS {PgIdentifier.Quote(c.Name)} {SqlType(c.Type)}");
    }

    /// <summary>A GiST index on the geometry column (on a partitioned table, every partition gets one).</summary>
    public void CreateSpatialIndex(string table) =>
        Execute($"CREATE INDEX IF NOT EXISTS {PgIdentifier.Quote(IndexName(table, "geom"))} ON {Q(table)} USING gist ({LayerDefinition.GeometryColumn})");

    /// <summary>Makes sure the estates have a partition for each département code.</summary>
    public void EnsurePartitions(string table, IEnumerable<string> departements)
    {
        // One round trip for all of them (a national import meets about a hundred codes).
        var statements = departements.Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(d => $"CREATE TABLE IF NOT EXISTS {Q(Departements.PartitionOf(table, d))} PARTITION OF {Q(table)} FOR VALUES IN ('{d}');")
            .ToList();
        if (statements.Count > 0)
            Execute(string.Join("\n", statements));
    }

    /// <summary>The département codes of the estates' partitions (the default one left out).</summary>
    public HashSet<string> PartitionsOf(string table)
    {
        var prefix = Departements.PartitionOf(table, "x")[..^1];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(@t)",
            ("t", $"{Quoteless(schema)}.{Quoteless(table)}"));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var name = r.GetString(0);
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name != Departements.PartitionOf(table, Departements.Unknown))
                codes.Add(name[prefix.Length..]);
        }
        return codes;
    }

    /// <summary>Drops the partitions of these département codes (their rows with them).</summary>
    public void DropPartitions(string table, IEnumerable<string> departements)
    {
        var names = departements.Where(d => d.Length > 0).Order(StringComparer.Ordinal).Select(d => Q(Departements.PartitionOf(table, d))).ToList();
        if (names.Count > 0)
            Execute($"DROP TABLE IF EXISTS {string.Join(", ", names)}");
    }

    /// <summary>Gives these département codes their partitions, moving their rows out of the default partition.</summary>
    public void MovePartitions(string table, LayerDefinition layer, IEnumerable<string> departements)
    {
        var codes = departements.Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (codes.Length == 0)
            return;
        var fallback = Q(Departements.PartitionOf(table, Departements.Unknown));
        var moved = PgIdentifier.Quote("territory_moved_" + table);
        var columns = string.Join(", ", new[] { "fid", LayerDefinition.GeometryColumn }
            .Concat(layer.Columns.Select(c => PgIdentifier.Quote(c.Name))).Append(DepartementColumn));
        Execute($"CREATE TEMP TABLE {moved} AS SELECT {columns} FROM {fallback} WHERE {DepartementColumn} = ANY(@d)", ("d", codes));
        Execute($"DELETE FROM {fallback} WHERE {DepartementColumn} = ANY(@d)", ("d", codes));
        EnsurePartitions(table, codes);
        Execute($"INSERT INTO {Q(table)} ({columns}) SELECT {columns} FROM {moved}");
        Execute($"DROP TABLE {moved}");
    }

    /// <summary>Drops a table and its registration.</summary>
    public void Drop(string table)
    {
        Execute($"DROP TABLE IF EXISTS {Q(table)} CASCADE");
        Execute($"DELETE FROM {Q(Contents)} WHERE table_name = @t", ("t", table));
    }

    /// <summary>PostGIS geometry type of a GeoPackage geometry type name.</summary>
    public static string GeometryTypeOf(string? gpkgType) => (gpkgType ?? "GEOMETRY").ToUpperInvariant() switch
    {
        "POINT" => "Point",
        "LINESTRING" => "LineString",
        "POLYGON" => "Polygon",
        "MULTIPOINT" => "MultiPoint",
        "MULTILINESTRING" => "MultiLineString",
        "MULTIPOLYGON" => "MultiPolygon",
        "GEOMETRYCOLLECTION" => "GeometryCollection",
        _ => "Geometry",
    };

    public static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Text => "text",
        ColumnType.Integer => "bigint",
        ColumnType.Real => "double precision",
        ColumnType.Boolean => "boolean",
        ColumnType.DateTime => "timestamptz",
        ColumnType.Blob => "bytea",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static NpgsqlDbType DbType(ColumnType type) => type switch
    {
        ColumnType.Text => NpgsqlDbType.Text,
        ColumnType.Integer => NpgsqlDbType.Bigint,
        ColumnType.Real => NpgsqlDbType.Double,
        ColumnType.Boolean => NpgsqlDbType.Boolean,
        ColumnType.DateTime => NpgsqlDbType.TimestampTz,
        ColumnType.Blob => NpgsqlDbType.Bytea,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Column type of a PostgreSQL type name (information_schema's <c>data_type</c>).</summary>
    public static ColumnType ColumnTypeOf(string sqlType) => sqlType switch
    {
        "bigint" or "integer" or "smallint" => ColumnType.Integer,
        "double precision" or "real" or "numeric" => ColumnType.Real,
        "boolean" => ColumnType.Boolean,
        "timestamp with time zone" or "timestamp without time zone" or "date" => ColumnType.DateTime,
        "bytea" => ColumnType.Blob,
        _ => ColumnType.Text,
    };

    // Index names are table-derived; long table names are cut so the name stays a valid identifier.
    private static string IndexName(string table, string suffix)
    {
        var name = table + "_" + suffix + "_idx";
        return name.Length <= PgIdentifier.MaxLength ? name : name[..PgIdentifier.MaxLength];
    }

    private static string Quoteless(string identifier) => PgIdentifier.Quote(identifier);
}
