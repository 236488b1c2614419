using Microsoft.Data.Sqlite;
using Territory.IO.Layers;

namespace Territory.IO.GeoPackage;

/// <summary>The GeoPackage spatial index extension (<c>gpkg_rtree_index</c>, spec clause F.3).</summary>
/// <remarks>
/// The spec's triggers call <c>ST_IsEmpty</c>/<c>ST_MinX</c>… which GDAL provides but plain SQLite
/// does not, so this code never lets them fire: the writer drops them, fills the rtree itself from
/// the envelopes it computes, and recreates them when the layer is complete, for GDAL/QGIS edits.
/// </remarks>
internal static class RTreeIndex
{
    private const string Geom = LayerDefinition.GeometryColumn;

    public static string TableName(string table) => $"rtree_{table}_{Geom}";

    /// <summary>Creates the rtree table and registers the extension.</summary>
    public static void Create(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        GeoPackageSchema.Execute(connection, transaction,
            $"CREATE VIRTUAL TABLE {GeoPackageSchema.Quote(TableName(table))} USING rtree(id, minx, maxx, miny, maxy)");
        using var cmd = GeoPackageSchema.Command(connection, transaction,
            "INSERT OR IGNORE INTO gpkg_extensions VALUES ($t, $c, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
        cmd.Parameters.AddWithValue("$t", table);
        cmd.Parameters.AddWithValue("$c", Geom);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Drops every trigger of the layer's rtree (whatever version of the spec created them).</summary>
    public static void DropTriggers(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var names = new List<string>();
        using (var cmd = GeoPackageSchema.Command(connection, transaction,
                   "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE $p ESCAPE '\\'"))
        {
            cmd.Parameters.AddWithValue("$p", TableName(table).Replace("_", "\\_", StringComparison.Ordinal) + "\\_%");
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                names.Add(reader.GetString(0));
        }
        foreach (var name in names)
            GeoPackageSchema.Execute(connection, transaction, $"DROP TRIGGER {GeoPackageSchema.Quote(name)}");
    }

    /// <summary>Creates the six triggers of GeoPackage 1.3 (clause F.3) that keep the rtree in step with edits.</summary>
    public static void CreateTriggers(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var t = GeoPackageSchema.Quote(table);
        var r = GeoPackageSchema.Quote(TableName(table));
        var p = TableName(table);
        const string c = Geom;
        const string i = "fid";
        var values = $"VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}))";
        GeoPackageSchema.Execute(connection, transaction, $"""
            CREATE TRIGGER "{p}_insert" AFTER INSERT ON {t}
              WHEN (NEW.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))
            BEGIN INSERT OR REPLACE INTO {r} {values}; END;
            CREATE TRIGGER "{p}_update1" AFTER UPDATE OF {c} ON {t}
              WHEN OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
            BEGIN INSERT OR REPLACE INTO {r} {values}; END;
            CREATE TRIGGER "{p}_update2" AFTER UPDATE OF {c} ON {t}
              WHEN OLD.{i} = NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            CREATE TRIGGER "{p}_update3" AFTER UPDATE ON {t}
              WHEN OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {r} {values}; END;
            CREATE TRIGGER "{p}_update4" AFTER UPDATE ON {t}
              WHEN OLD.{i} != NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
            BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END;
            CREATE TRIGGER "{p}_delete" AFTER DELETE ON {t}
              WHEN OLD.{c} NOT NULL
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            """);
    }
}
