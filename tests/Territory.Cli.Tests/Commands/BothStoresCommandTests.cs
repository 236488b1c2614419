using System.Text.Json;
using Territory.Cli.Tests.Stores;
using Territory.Store;
using Territory.TestSupport;

namespace Territory.Cli.Tests.Commands;

/// <summary>The commands on a GeoPackage and on a PostGIS schema: same options, same JSON, same figures.</summary>
public sealed class BothStoresCommandTests
{
    [Theory]
    [MemberData(nameof(CliProject.Kinds), MemberType = typeof(CliProject))]
    public void Import_SecondTime_ReplacesUnlessAppend(string kind)
    {
        using var p = CliProject.Create(kind);
        if (p is null)
            return;
        var qpv = TestPaths.Shared("qpv/qpv_occitanie_ouest.geojson");
        if (!File.Exists(qpv) && !TestPostGis.Required)
            return;
        Assert.Equal("created", CliRun.Invoke("import", qpv, "--into", p.Location, "--as", "qpv", "--json").Json().GetProperty("mode").GetString());
        var again = CliRun.Invoke("import", qpv, "--into", p.Location, "--as", "qpv", "--json").Json();
        Assert.Equal("replaced", again.GetProperty("mode").GetString());
        Assert.Equal(45, again.GetProperty("count_after").GetInt32());
        var appended = CliRun.Invoke("import", qpv, "--into", p.Location, "--as", "qpv", "--append", "--json").Json();
        Assert.Equal("appended", appended.GetProperty("mode").GetString());
        Assert.Equal(45, appended.GetProperty("duplicates_skipped").GetInt32());
        var layers = CliRun.Invoke("inspect", p.Location, "--json").Json().GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(45, layers["qpv"].GetProperty("count").GetInt32());
        Assert.Equal("MULTIPOLYGON", layers["qpv"].GetProperty("geometry_type").GetString());
    }

    [Theory]
    [MemberData(nameof(CliProject.Kinds), MemberType = typeof(CliProject))]
    public void Import_EmptyFile_RefusedExit2AndLayerKept(string kind)
    {
        using var p = CliProject.Create(kind);
        if (p is null)
            return;
        var good = p.Dir.File("e.csv");
        File.WriteAllText(good, "id;nb_logements;lon;lat\nA;10;2.35;48.85\nB;20;2.36;48.86\n");
        CliRun.Invoke("import", good, "--into", p.Location, "--as", "estates", "--json").Json();
        var bad = p.Dir.File("bad.csv");
        File.WriteAllText(bad, "id;nb_logements;lon;lat\nC;-3;2.35;48.85\n");

        var run = CliRun.Invoke("import", bad, "--into", p.Location, "--as", "estates");

        Assert.Equal(2, run.ExitCode);
        var estates = CliRun.Invoke("inspect", p.Location, "--json").Json().GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "estates");
        Assert.Equal(2, estates.GetProperty("count").GetInt32());
        Assert.Equal(30, estates.GetProperty("dwellings").GetInt32());
    }

    [Fact]
    public void Backup_PostGisProject_Exit2PointingToPgDumpAndCopy()
    {
        using var p = CliProject.Create("postgis");
        if (p is null)
            return;
        var csv = p.Dir.File("e.csv");
        File.WriteAllText(csv, "id;nb_logements;lon;lat\nA;10;2.35;48.85\n");
        CliRun.Invoke("import", csv, "--into", p.Location, "--as", "estates", "--json").Json();

        var run = CliRun.Invoke("backup", p.Location, p.Dir.File("copie.gpkg"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pg_dump -Fc -n " + p.Schema, run.Error, StringComparison.Ordinal);
        Assert.Contains("territory copy", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(p.Dir.File("copie.gpkg")));
    }

    [Fact]
    public void InspectTravelTimesAnalyse_DemoInBothStores_SameJson()
    {
        if (!TestPostGis.Available())
            return;
        using var gpkg = CliProject.Create("gpkg")!;
        using var pg = CliProject.Create("postgis")!;
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), gpkg.Location);
        CliRun.Invoke("copy", gpkg.Location, pg.Location, "--json").Json();
        foreach (var project in new[] { gpkg.Location, pg.Location })
        {
            var roads = CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", project, "--json").Json();
            Assert.True(roads.GetProperty("nodes").GetInt32() > 1000);
        }
        Assert.NotNull(pg.Schema);
        Assert.Equal(2L, TestPostGis.Scalar(pg.Schema, "SELECT count(DISTINCT name) FROM territory_files"));

        Assert.Equal(Text(CliRun.Invoke("traveltimes", gpkg.Location, "--json").Json()), Text(CliRun.Invoke("traveltimes", pg.Location, "--json").Json()));
        var analysed = CliRun.Invoke("analyse", gpkg.Location, "--json").Json();
        Assert.Equal("road_network", analysed.GetProperty("travel").GetString());
        Assert.Equal(Text(analysed), Text(CliRun.Invoke("analyse", pg.Location, "--json").Json()));
        Assert.Equal(Text(CliRun.Invoke("inspect", gpkg.Location, "--json").Json().GetProperty("layers")),
            Text(CliRun.Invoke("inspect", pg.Location, "--json").Json().GetProperty("layers")));
    }

    [Theory]
    [MemberData(nameof(CliProject.Kinds), MemberType = typeof(CliProject))]
    public void ImportAndRoadsBuild_OtherArea_Exit3InTheLanguageAndNothingWritten(string kind)
    {
        using var p = CliProject.Create(kind);
        if (p is null)
            return;
        var qpv = TestPaths.Shared("qpv/qpv_occitanie_ouest.geojson");
        var andorra = TestPaths.Shared("osm/andorra.osm.pbf");
        if (!File.Exists(qpv) || !File.Exists(andorra)) { Assert.False(TestPaths.OnCi, "shared geodata missing"); return; }
        var demo = p.Dir.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), demo);
        CliRun.Invoke("copy", demo, p.Location, "--overwrite", "--json").Json();
        long version;
        using (var store = ProjectStores.Open(p.Location))
            version = store.DataVersion;

        var import = CliRun.Invoke("import", qpv, "--into", p.Location, "--as", "qpv", "--append", "--lang", "en");
        var roads = CliRun.Invoke("roads", "build", andorra, "--into", p.Location);

        Assert.Equal(3, import.ExitCode);
        Assert.Contains("0 of 45 priority districts within 20 km of one of the project's 1,495\u00a0estates", import.Error, StringComparison.Ordinal);
        Assert.Equal(3, roads.ExitCode);
        Assert.StartsWith("territory: andorra.osm.pbf : le réseau routier ne raccorde que 0\u00a0programme sur 1\u202f495", roads.Error, StringComparison.Ordinal);
        using (var store = ProjectStores.Open(p.Location))
        {
            Assert.Equal(version, store.DataVersion);
            Assert.Null(store.LoadRoadGraph());
        }
    }

    [Fact]
    public void Copy_GeoPackageToPostGisAndBack_EqualFeatureByFeature()
    {
        if (!TestPostGis.Available())
            return;
        using var gpkg = CliProject.Create("gpkg")!;
        using var pg = CliProject.Create("postgis")!;
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), gpkg.Location);
        CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", gpkg.Location, "--json").Json();
        CliRun.Invoke("analyse", gpkg.Location, "--json").Json();
        var extra = gpkg.Dir.File("relais.csv");
        File.WriteAllText(extra, "id;nom;type;lon;lat\nLR-1;Mairie;lieu relais;3.1;46.6\n");
        CliRun.Invoke("import", extra, "--into", gpkg.Location, "--as", "agencies", "--append", "--json").Json();
        using (var store = ProjectStores.Open(gpkg.Location))
        {
            store.SaveScenario(new Core.Scenarios.Scenario { Name = "Relais nord", Author = "alice", BaseVersion = store.DataVersion }, overwrite: false);
            store.WriteResult("analysis", "k1", [1, 2, 3]);
        }
        var back = gpkg.Dir.File("back.gpkg");

        var there = CliRun.Invoke("copy", gpkg.Location, pg.Location, "--json").Json();
        CliRun.Invoke("copy", pg.Location, back, "--json").Json();

        Assert.True(there.GetProperty("road_graph").GetBoolean());
        using var a = ProjectStores.Open(gpkg.Location);
        using var b = ProjectStores.Open(back);
        var tables = a.Tables();
        Assert.Equal(tables.Select(t => t.Name).Order(StringComparer.Ordinal), b.Tables().Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains(tables, t => t.Name == "agencies__previous");
        foreach (var table in tables)
        {
            var left = a.ReadRows(table).ToList();
            var right = b.ReadRows(b.Tables().Single(t => t.Name == table.Name)).ToList();
            Assert.True(left.Count == right.Count, $"{table.Name}: {left.Count} rows, {right.Count} after the round trip");
            for (var i = 0; i < left.Count; i++)
            {
                Assert.True(left[i].Geometry?.EqualsExact(right[i].Geometry) ?? right[i].Geometry is null, $"{table.Name} row {i + 1}: geometry");
                Assert.Equal(left[i].Values.Select(Normalise), right[i].Values.Select(Normalise));
            }
        }
        Assert.Equal(a.DataVersion, b.DataVersion);
        Assert.Equal(File.ReadAllBytes(a.RoadGraphLocation), File.ReadAllBytes(b.RoadGraphLocation));
        Assert.Equal("alice", b.ReadScenario("Relais nord")!.Author);
        Assert.Equal([1, 2, 3], b.ReadResult("analysis")!.Payload);
        Assert.Equal(a.Revisions(), b.Revisions());
    }

    [Fact]
    public void Copy_IntoProjectWithData_RefusedUnlessOverwrite()
    {
        if (!TestPostGis.Available())
            return;
        using var gpkg = CliProject.Create("gpkg")!;
        using var pg = CliProject.Create("postgis")!;
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), gpkg.Location);
        CliRun.Invoke("copy", gpkg.Location, pg.Location, "--json").Json();

        var again = CliRun.Invoke("copy", gpkg.Location, pg.Location);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--overwrite", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Invoke("copy", gpkg.Location, pg.Location, "--overwrite", "--json").ExitCode);
    }

    [Fact]
    public void Import_FromPostGisTable_SameAsTheFile()
    {
        if (!TestPostGis.Available())
            return;
        using var fromFile = CliProject.Create("gpkg")!;
        using var fromTable = CliProject.Create("postgis")!;
        var schema = TestPostGis.NewSchema();
        try
        {
            TestPostGis.Execute(null, $"""
                CREATE SCHEMA {schema};
                CREATE TABLE {schema}.programmes (gid serial PRIMARY KEY, "NB_LOGEMENTS" integer, nom text, code_insee text, geom geometry(Point, 4326));
                INSERT INTO {schema}.programmes ("NB_LOGEMENTS", nom, code_insee, geom) VALUES
                  (120, 'Les Érables', '31555', ST_SetSRID(ST_MakePoint(1.44, 43.60), 4326)),
                  (-8, 'Négatif', '31555', ST_SetSRID(ST_MakePoint(1.45, 43.61), 4326)),
                  (35, 'Le Parc', '81004', ST_SetSRID(ST_MakePoint(2.15, 43.93), 4326));
                """);
            var csv = fromFile.Dir.File("programmes.csv");
            File.WriteAllText(csv, "gid;NB_LOGEMENTS;nom;code_insee;lon;lat\n1;120;Les Érables;31555;1.44;43.60\n2;-8;Négatif;31555;1.45;43.61\n3;35;Le Parc;81004;2.15;43.93\n");

            var table = CliRun.Invoke("import", TestPostGis.TableLocation(schema, "programmes"), "--into", fromTable.Location, "--as", "estates", "--json").Json();
            var file = CliRun.Invoke("import", csv, "--into", fromFile.Location, "--as", "estates", "--json").Json();

            Assert.Equal((3, 2, 1), (table.GetProperty("read").GetInt32(), table.GetProperty("accepted").GetInt32(), table.GetProperty("rejected").GetInt32()));
            Assert.Equal("NB_LOGEMENTS", table.GetProperty("mapping").GetProperty("dwellings").GetString());
            Assert.Equal("EPSG:4326", table.GetProperty("crs").GetString());
            using var a = ProjectStores.Open(fromFile.Location);
            using var b = ProjectStores.Open(fromTable.Location);
            Assert.Equal(a.ReadEstates().Select(e => (e.Name, e.Dwellings, e.CommuneCode, Math.Round(e.Geometry.Coordinate.X, 3))),
                b.ReadEstates().Select(e => (e.Name, e.Dwellings, e.CommuneCode, Math.Round(e.Geometry.Coordinate.X, 3))));
            // The partition of each département holds its estates.
            Assert.Equal(1L, TestPostGis.Scalar(fromTable.Schema, "SELECT count(*) FROM estates_d_31"));
            Assert.Equal(1L, TestPostGis.Scalar(fromTable.Schema, "SELECT count(*) FROM estates_d_81"));
        }
        finally
        {
            TestPostGis.DropSchema(schema);
        }
    }

    private static string Text(JsonElement e) => JsonSerializer.Serialize(e);

    private static object? Normalise(object? v) => v switch
    {
        bool b => b ? 1L : 0L,
        int n => (long)n,
        _ => v,
    };
}
