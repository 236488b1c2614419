using Npgsql;
using Territory.PostGis;

namespace Territory.TestSupport;

/// <summary>
/// The test PostGIS server named by <c>TERRITORY_TEST_PG</c> (<c>scripts/test.sh</c> starts a throwaway one):
/// tests that need it return early when it is absent, and fail when <c>CI=true</c>, since CI promises it.
/// </summary>
internal static class TestPostGis
{
    /// <summary>The server (a database with PostGIS), or null.</summary>
    public static string? Server { get; } = Environment.GetEnvironmentVariable("TERRITORY_TEST_PG") is { Length: > 0 } s ? s : null;

    /// <summary>True when the CI variable says PostGIS must be there.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    static TestPostGis() => PostGisStores.Register();

    /// <summary>True when the tests can use PostGIS; false (return early) locally without it; fails under CI without it.</summary>
    public static bool Available()
    {
        Assert.False(Server is null && Required, "TERRITORY_TEST_PG (a PostGIS database) is required when CI=true: run scripts/test.sh.");
        return Server is not null;
    }

    /// <summary>A fresh schema name.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>The project location of a schema on the test server.</summary>
    public static string Location(string schema) => Server + (Server!.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=" + schema;

    /// <summary>The location of a table on the test server (an import source).</summary>
    public static string TableLocation(string schema, string table) => Server + (Server!.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "table=" + schema + "." + table;

    /// <summary>A connection to the test database with <c>search_path</c> set to the schema.</summary>
    public static NpgsqlConnection Connect(string? schema = null)
    {
        var uri = new Uri(Server!);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = uri.AbsolutePath.TrimStart('/'),
            Username = uri.UserInfo.Split(':')[0] is { Length: > 0 } u ? Uri.UnescapeDataString(u) : null,
            Pooling = false,
            SearchPath = schema is null ? "public" : schema + ",public",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    public static object? Scalar(string? schema, string sql)
    {
        using var c = Connect(schema);
        using var cmd = new NpgsqlCommand(sql, c);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public static void Execute(string? schema, string sql)
    {
        using var c = Connect(schema);
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Drops the schema, and the row reports <c>territory import</c> wrote for it in the current folder (its default for a database project).</summary>
    public static void DropSchema(string schema)
    {
        Execute(null, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        foreach (var report in Directory.EnumerateFiles(Environment.CurrentDirectory, schema + ".import-*.csv"))
            File.Delete(report);
    }
}
