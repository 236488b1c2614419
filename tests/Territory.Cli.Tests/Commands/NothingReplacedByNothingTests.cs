using System.Globalization;
using System.Text;
using Territory.Cli.Tests.Stores;
using Territory.Store;

namespace Territory.Cli.Tests.Commands;

/// <summary>An import or a road network that brings nothing (or nonsense) never replaces what the project holds.</summary>
public sealed class NothingReplacedByNothingTests
{
    private const string ThreeEstates = "id;nom;nb_logements;lon;lat\nA;Les Tilleuls;40;2.35;48.85\nB;Le Parc;25;2.36;48.86\nC;Les Cèdres;12;2.37;48.84\n";

    [Theory]
    [InlineData("all-rejected", "id;nom;nb_logements;lon;lat\nX;Un;-5;2.35;48.85\nY;Deux;abc;2.36;48.86\n")]
    [InlineData("header-only", "id;nom;nb_logements;lon;lat\n")]
    [InlineData("all-outside-france", "id;nom;nb_logements;lon;lat\nX;Un;5;-74.0;40.7\nY;Deux;8;139.7;35.7\n")]
    public void Import_NothingAccepted_Exit2WithTheStoreReasonAndLayerUnchanged(string name, string csv)
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("estates.csv"), ThreeEstates);
        CliRun.Invoke("import", tmp.File("estates.csv"), "--into", project, "--as", "estates", "--json").Json();
        var version = Version(project);
        File.WriteAllText(tmp.File(name + ".csv"), csv);

        var run = CliRun.Invoke("import", tmp.File(name + ".csv"), "--into", project, "--as", "estates");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(name + ".csv", run.Error, StringComparison.Ordinal);
        Assert.Contains("aucune ligne acceptée", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("inattendue", run.Error, StringComparison.Ordinal);
        Assert.Equal(["A", "B", "C"], Estates(project));
        Assert.Equal(version, Version(project));
    }

    [Theory]
    [MemberData(nameof(CliProject.Kinds), MemberType = typeof(CliProject))]
    public void ImportUndo_PutsTheLayerBackAsBeforeItsLastImport(string kind)
    {
        using var p = CliProject.Create(kind);
        if (p is null)
            return;
        var tmp = p.Dir;
        var project = p.Location;
        File.WriteAllText(tmp.File("estates.csv"), ThreeEstates);
        CliRun.Invoke("import", tmp.File("estates.csv"), "--into", project, "--as", "estates", "--json").Json();
        File.WriteAllText(tmp.File("one.csv"), "id;nom;nb_logements;lon;lat\nZ;Seul;9;2.35;48.85\n");
        Assert.Equal(2, CliRun.Invoke("import", tmp.File("one.csv"), "--into", project, "--as", "estates").ExitCode); // a shrink needs --replace
        CliRun.Invoke("import", tmp.File("one.csv"), "--into", project, "--as", "estates", "--replace", "--json").Json();
        Assert.Equal(["Z"], Estates(project));

        var undone = CliRun.Invoke("import", "--undo", project, "--as", "estates", "--json").Json();

        Assert.Equal("restored", undone.GetProperty("mode").GetString());
        Assert.Equal(1, undone.GetProperty("count_before").GetInt64());
        Assert.Equal(3, undone.GetProperty("count_after").GetInt64());
        Assert.Equal(["A", "B", "C"], Estates(project));
        var text = CliRun.Invoke("import", "--undo", project, "--as", "estates");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Import annulé", text.Out, StringComparison.Ordinal);
        Assert.Equal(["Z"], Estates(project)); // undoing the undo
    }

    [Fact]
    public void ImportUndo_WithAFileToo_IsRefused()
    {
        using var tmp = TestPaths.Temp();
        var run = CliRun.Invoke("import", tmp.File("x.csv"), "--undo", tmp.File("p.gpkg"), "--as", "estates");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--undo", run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> BadOsmFiles() => new()
    {
        { "vide.osm.pbf", [], "vide" },
        { "aleatoire.osm.pbf", Random(4096), "PBF" },
        { "tronque.osm.pbf", Truncated(), "tronqué" },
        { "pas-gzip.osm.gz", Encoding.UTF8.GetBytes(Osm(Grid(3))), "gzip" },
        { "dtd.osm", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE osm [<!ENTITY a \"aaaaaaaaaa\">]><osm version=\"0.6\">&a;</osm>"), "DTD" },
        { "casse.osm", Encoding.UTF8.GetBytes("<osm version=\"0.6\"><node id=\"1\" lat=\"45\" lon=\"4\"><node></osm>"), "XML" },
        { "hors-bornes.osm", Encoding.UTF8.GetBytes(Osm(Grid(3), badLat: "1e308")), "WGS 84" },
        { "sans-route.osm", Encoding.UTF8.GetBytes("<osm version=\"0.6\"><node id=\"1\" lat=\"45\" lon=\"4\"/></osm>"), "aucune route" },
    };

    [Theory]
    [MemberData(nameof(BadOsmFiles))]
    public void RoadsBuild_BadOsmFile_Exit2NamingItAndTheGoodGraphStays(string name, byte[] bytes, string expected)
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("good.osm"), Osm(Grid(6)));
        CliRun.Invoke("roads", "build", tmp.File("good.osm"), "--into", project, "--json").Json();
        var graph = tmp.File("p.roads.graph");
        var good = File.ReadAllBytes(graph);
        File.WriteAllBytes(tmp.File(name), bytes);

        var run = CliRun.Invoke("roads", "build", tmp.File(name), "--into", project);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(name, run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(graph));
        Assert.False(File.Exists(graph + ".tmp"));
    }

    [Theory]
    [MemberData(nameof(CliProject.Kinds), MemberType = typeof(CliProject))]
    public void RoadsBuild_BadFileForAMissingProject_LeavesNoProjectBehind(string kind)
    {
        using var p = CliProject.Create(kind);
        if (p is null)
            return;
        var tmp = p.Dir;
        File.WriteAllBytes(tmp.File("vide.osm.pbf"), []);
        var run = CliRun.Invoke("roads", "build", tmp.File("vide.osm.pbf"), "--into", p.Location);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([tmp.File("vide.osm.pbf")], Directory.GetFiles(tmp.Path));
        Assert.False(ProjectStores.Exists(p.Location));
    }

    [Theory]
    [MemberData(nameof(CliProject.Kinds), MemberType = typeof(CliProject))]
    public void RoadsBuild_FarSmallerNetwork_NeedsReplace(string kind)
    {
        using var p = CliProject.Create(kind);
        if (p is null)
            return;
        var tmp = p.Dir;
        var project = p.Location;
        File.WriteAllText(tmp.File("big.osm"), Osm(Grid(8)));
        File.WriteAllText(tmp.File("small.osm"), Osm(Grid(3)));
        var big = CliRun.Invoke("roads", "build", tmp.File("big.osm"), "--into", project, "--json").Json().GetProperty("nodes").GetInt32();

        var refused = CliRun.Invoke("roads", "build", tmp.File("small.osm"), "--into", project);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--replace", refused.Error, StringComparison.Ordinal);
        Assert.Contains(big.ToString(CultureInfo.InvariantCulture), refused.Error, StringComparison.Ordinal);

        var replaced = CliRun.Invoke("roads", "build", tmp.File("small.osm"), "--into", project, "--replace", "--json").Json();
        Assert.True(replaced.GetProperty("nodes").GetInt32() < big / 2);
    }

    private static List<string> Estates(string project)
    {
        using var store = ProjectStores.Open(project);
        return store.ReadEstates().Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
    }

    private static long Version(string project)
    {
        using var store = ProjectStores.Open(project);
        return store.DataVersion;
    }

    /// <summary>A grid of n × n nodes around Lyon, 0.01° apart, joined by residential streets along rows and columns.</summary>
    private static (List<(long Id, double Lon, double Lat)> Nodes, List<long[]> Ways) Grid(int n)
    {
        var nodes = new List<(long, double, double)>();
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                nodes.Add((i * n + j + 1, 4.80 + 0.01 * j, 45.70 + 0.01 * i));
        var ways = new List<long[]>();
        for (var i = 0; i < n; i++)
        {
            ways.Add(Enumerable.Range(0, n).Select(j => (long)(i * n + j + 1)).ToArray());
            ways.Add(Enumerable.Range(0, n).Select(j => (long)(j * n + i + 1)).ToArray());
        }
        return (nodes, ways);
    }

    private static string Osm((List<(long Id, double Lon, double Lat)> Nodes, List<long[]> Ways) grid, string? badLat = null)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n");
        foreach (var (id, lon, lat) in grid.Nodes)
        {
            var latText = badLat is not null && id == 2 ? badLat : lat.ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"  <node id=\"{id}\" lat=\"{latText}\" lon=\"{lon}\"/>\n");
        }
        var w = 1000;
        foreach (var way in grid.Ways)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <way id=\"{w++}\">");
            foreach (var id in way)
                sb.Append(CultureInfo.InvariantCulture, $"<nd ref=\"{id}\"/>");
            sb.Append("<tag k=\"highway\" v=\"residential\"/></way>\n");
        }
        return sb.Append("</osm>\n").ToString();
    }

    private static byte[] Random(int n)
    {
        var bytes = new byte[n];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The demo's real PBF cut after its first kilobytes.</summary>
    private static byte[] Truncated()
    {
        var pbf = File.ReadAllBytes(TestPaths.Demo("habitat-demo.osm.pbf"));
        return pbf[..Math.Min(pbf.Length / 2, 20_000)];
    }
}
