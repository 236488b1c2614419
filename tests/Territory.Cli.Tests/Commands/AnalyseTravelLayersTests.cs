using Microsoft.Data.Sqlite;
using Territory.Cli.Tests.Stores;
using Territory.Store;
using Territory.TestSupport;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory analyse</c> alone leaves what the map's tiles join: the travel review's layers and the indexes on the joined keys.</summary>
public sealed class AnalyseTravelLayersTests
{
    [Theory]
    [MemberData(nameof(CliProject.Kinds), MemberType = typeof(CliProject))]
    public void Analyse_WithoutTravelTimes_WritesTravelLayersAndJoinIndexes(string kind)
    {
        using var p = CliProject.Create(kind);
        if (p is null)
            return;
        // The demo without its road graph: straight-line times, the bounded review.
        var demo = p.Dir.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), demo);
        if (kind == "postgis")
            CliRun.Invoke("copy", demo, p.Location, "--json").Json();
        else
            File.Copy(demo, p.Location);

        var analysed = CliRun.Invoke("analyse", p.Location, "--json").Json();

        Assert.Equal("straight_line_estimate", analysed.GetProperty("travel").GetString());
        var layers = CliRun.Invoke("inspect", p.Location, "--json").Json().GetProperty("layers").EnumerateArray()
            .ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("count").GetInt32());
        Assert.Equal(layers["estates"], layers["travel_estates"]);
        Assert.Equal(layers["agencies"], layers["travel_agencies"]);
        using (var store = ProjectStores.Open(p.Location))
        {
            Assert.Equal(store.DataVersion, store.DerivedVersion("travel_estates"));
            Assert.Equal(store.DataVersion, store.DerivedVersion("territories"));
        }
        var indexed = Indexed(p);
        foreach (var (table, column) in new[] { ("travel_estates", "estate_id"), ("travel_agencies", "agency_id"), ("territories", "territory_id"),
                     ("recommendations", "territory_id"), ("agencies", "id") })
            Assert.Contains((table, column), indexed);

        // Written again (the layers are new tables), the indexes come with them.
        CliRun.Invoke("analyse", p.Location, "--json").Json();
        Assert.Contains(("travel_estates", "estate_id"), Indexed(p));
        // On PostGIS, with their planner statistics: a tile's join must not meet a table the planner takes for empty.
        if (p.Schema is { } schema)
        {
            using var c = TestPostGis.Connect(schema);
            using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stats WHERE schemaname = $1 AND tablename = 'travel_estates' AND attname = 'estate_id'", c);
            cmd.Parameters.AddWithValue(schema);
            Assert.Equal(1L, (long)cmd.ExecuteScalar()!);
        }
    }

    /// <summary>(table, column) of every single-column index of the project.</summary>
    private static HashSet<(string Table, string Column)> Indexed(CliProject p)
    {
        var found = new HashSet<(string, string)>();
        if (p.Schema is { } schema)
        {
            using var c = TestPostGis.Connect(schema);
            using var cmd = new Npgsql.NpgsqlCommand("""
                SELECT t.relname, a.attname FROM pg_index i
                JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
                WHERE n.nspname = $1 AND i.indnatts = 1
                """, c);
            cmd.Parameters.AddWithValue(schema);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                found.Add((r.GetString(0), r.GetString(1)));
            return found;
        }
        using var sqlite = new SqliteConnection("Data Source=" + p.Location + ";Mode=ReadOnly;Pooling=False");
        sqlite.Open();
        using var list = sqlite.CreateCommand();
        list.CommandText = "SELECT il.name, m.tbl_name FROM sqlite_master m, pragma_index_list(m.tbl_name) il WHERE m.type = 'table'";
        var indexes = new List<(string Index, string Table)>();
        using (var r = list.ExecuteReader())
            while (r.Read())
                indexes.Add((r.GetString(0), r.GetString(1)));
        foreach (var (index, table) in indexes)
        {
            using var info = sqlite.CreateCommand();
            info.CommandText = "SELECT name FROM pragma_index_info($i)";
            info.Parameters.AddWithValue("$i", index);
            var columns = new List<string>();
            using (var r = info.ExecuteReader())
                while (r.Read())
                    columns.Add(r.GetString(0));
            if (columns.Count == 1)
                found.Add((table, columns[0]));
        }
        return found;
    }
}
