using Microsoft.Data.Sqlite;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;

namespace Territory.Store.GeoPackage;

/// <summary>
/// Tolerance of the project tables to columns added by later versions: reads select NULL for a column an
/// older project lacks, and appends add the missing columns first (SQLite <c>ALTER TABLE … ADD COLUMN</c>).
/// </summary>
internal static class TableColumns
{
    /// <summary>Column names of a table (empty when it does not exist).</summary>
    public static HashSet<string> Of(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var cmd = GeoPackageSchema.Command(connection, transaction, $"PRAGMA table_info({GeoPackageSchema.Quote(table)})");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            names.Add(r.GetString(1));
        return names;
    }

    /// <summary>A SELECT list naming every column, <c>NULL AS "x"</c> for those the table lacks.</summary>
    public static string Select(SqliteConnection connection, SqliteTransaction? transaction, string table, IEnumerable<string> columns)
    {
        var present = Of(connection, transaction, table);
        return string.Join(", ", columns.Select(c => present.Contains(c) ? GeoPackageSchema.Quote(c) : $"NULL AS {GeoPackageSchema.Quote(c)}"));
    }

    /// <summary>Adds to an existing table the columns of <paramref name="layer"/> it lacks (nullable, no default).</summary>
    public static void Ensure(SqliteConnection connection, SqliteTransaction transaction, LayerDefinition layer)
    {
        if (!GeoPackageSchema.TableExists(connection, transaction, layer.Name))
            return;
        var present = Of(connection, transaction, layer.Name);
        foreach (var c in layer.Columns.Where(c => !present.Contains(c.Name)))
            GeoPackageSchema.Execute(connection, transaction,
                $"ALTER TABLE {GeoPackageSchema.Quote(layer.Name)} ADD COLUMN {GeoPackageSchema.Quote(c.Name)} {GeoPackageSchema.SqlType(c.Type)}");
    }
}
