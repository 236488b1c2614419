using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Territory.Cli.Tests.Commands;

/// <summary>Projects for the planning tests: a copy of the demo, and small hand-made ones whose answer is known.</summary>
internal static class PlanTestProjects
{
    /// <summary>A copy of the demo project (estates, agencies, communes, QPV; no road network).</summary>
    public static string Demo(TempDir tmp)
    {
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        return project;
    }

    /// <summary>The demo copy with its road network built from the demo OpenStreetMap extract.</summary>
    public static string DemoWithRoads(TempDir tmp)
    {
        var project = Demo(tmp);
        var roads = CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", project);
        Assert.True(roads.ExitCode == 0, roads.Error);
        return project;
    }

    /// <summary>
    /// Three estates on a line near Albi (E1 100 dwellings, E2 50, E3 10), one agency A1 by E1, and two candidate sites
    /// S1 (by E2) and S2 (by E3), imported as the project's candidates layer.
    /// </summary>
    public static string Small(TempDir tmp)
    {
        var project = tmp.File("small.gpkg");
        File.WriteAllText(tmp.File("estates.csv"), "id;nb_logements;lon;lat;bailleur\nE1;100;2.1480;43.9280;Bailleur\nE2;50;2.2480;43.9280;Bailleur\nE3;10;2.3480;43.9280;Bailleur\n");
        File.WriteAllText(tmp.File("agencies.csv"), "id;nom;type;lon;lat;bailleur\nA1;Agence;agence;2.1481;43.9281;Bailleur\n");
        File.WriteAllText(tmp.File("candidates.csv"), "id;nom;type;lon;lat\nS1;Mairie 2;mairie;2.2481;43.9281\nS2;Mairie 3;mairie;2.3481;43.9281\n");
        foreach (var (file, kind) in new[] { ("estates.csv", "estates"), ("agencies.csv", "agencies"), ("candidates.csv", "candidates") })
        {
            var run = CliRun.Invoke("import", tmp.File(file), "--into", project, "--as", kind);
            Assert.True(run.ExitCode == 0, run.Error);
        }
        return project;
    }

    /// <summary>A cost matrix CSV from (estate, site, seconds) rows.</summary>
    public static string Matrix(TempDir tmp, params (string Estate, string Site, double Seconds)[] pairs)
    {
        var sb = new StringBuilder("estate_id;site_id;seconds\n");
        foreach (var (e, s, t) in pairs) sb.Append(e).Append(';').Append(s).Append(';').Append(t.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var path = tmp.File($"matrix-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>The project's data version, stored results and scenarios, read with SQL (what « nothing written » means).</summary>
    public static (string Version, long Results, long Scenarios, long Audit) State(string project)
    {
        using var c = new SqliteConnection($"Data Source={project};Mode=ReadOnly;Pooling=False");
        c.Open();
        string Scalar(string sql) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? ""; }
        long Count(string table) => Exists(table) ? long.Parse(Scalar($"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture) : 0;
        bool Exists(string table) => Scalar($"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}'") != "0";
        return (Scalar("SELECT value FROM territory_project WHERE key = 'data_version'"), Count("territory_results"), Count("scenarios"), Count("territory_audit"));
    }
}
