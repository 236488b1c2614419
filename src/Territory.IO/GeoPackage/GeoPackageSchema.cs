using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.Core.Crs;
using Territory.IO.Layers;

namespace Territory.IO.GeoPackage;

/// <summary>The mandatory GeoPackage 1.3 tables and rows (spec clauses 1.1.2–1.1.4, F.3).</summary>
public static class GeoPackageSchema
{
    /// <summary>'GPKG' as a big-endian 32-bit integer.</summary>
    public const int ApplicationId = 0x47504B47;
    /// <summary>GeoPackage 1.3.0.</summary>
    public const int UserVersion = 10300;

    private const string CoreTables = """
        CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE IF NOT EXISTS gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
          description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE IF NOT EXISTS gpkg_extensions (
          table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
          scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
          ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
        """;

    /// <summary>Sets the header pragmas and creates the core tables and mandatory SRS rows when missing.</summary>
    public static void EnsureCore(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion};");
        Execute(connection, transaction, CoreTables);
        EnsureSrs(connection, transaction, CrsRegistry.Wgs84);
    }

    /// <summary>Adds the row of an EPSG CRS to <c>gpkg_spatial_ref_sys</c> when missing.</summary>
    public static void EnsureSrs(SqliteConnection connection, SqliteTransaction transaction, int epsg)
    {
        if (epsg is -1 or 0)
            return;
        var definition = CrsRegistry.IsKnown(epsg) ? CrsRegistry.WktOf(epsg) : "undefined";
        var name = epsg == CrsRegistry.Wgs84 ? "WGS 84 geodetic" : CrsRegistry.NameOf(epsg);
        using var cmd = Command(connection, transaction,
            "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ($name, $id, 'EPSG', $id, $def, $desc)");
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$id", epsg);
        cmd.Parameters.AddWithValue("$def", definition);
        cmd.Parameters.AddWithValue("$desc", name);
        cmd.ExecuteNonQuery();
    }

    /// <summary>True when a table of that name exists.</summary>
    public static bool TableExists(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        using var cmd = Command(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $n");
        cmd.Parameters.AddWithValue("$n", table);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Row count of a table.</summary>
    public static long Count(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        using var cmd = Command(connection, transaction, $"SELECT count(*) FROM {Quote(table)}");
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Removes a table and everything the GeoPackage says about it (contents, columns, extensions, rtree).</summary>
    public static void DropLayer(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        Execute(connection, transaction,
            $"DROP TABLE IF EXISTS {Quote(table)}; DROP TABLE IF EXISTS {Quote(RTreeIndex.TableName(table))};");
        foreach (var meta in new[] { "gpkg_geometry_columns", "gpkg_extensions", "gpkg_contents", "gpkg_ogr_contents" })
        {
            if (!TableExists(connection, transaction, meta))
                continue;
            using var cmd = Command(connection, transaction, $"DELETE FROM {meta} WHERE lower(table_name) = lower($t)");
            cmd.Parameters.AddWithValue("$t", table);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Current time as GeoPackage wants it in <c>last_change</c>.</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The SQL type GDAL and QGIS read for a column type.</summary>
    public static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Text => "TEXT",
        ColumnType.Integer => "INTEGER",
        ColumnType.Real => "REAL",
        ColumnType.Boolean => "BOOLEAN",
        ColumnType.DateTime => "DATETIME",
        ColumnType.Blob => "BLOB",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>SQL identifier quoting.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Runs SQL without results.</summary>
    public static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var cmd = Command(connection, transaction, sql);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A command on the connection, in the transaction when one is given.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }
}
