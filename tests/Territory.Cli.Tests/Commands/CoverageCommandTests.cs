using Microsoft.Data.Sqlite;

namespace Territory.Cli.Tests.Commands;

/// <summary>
/// Data of another area is refused with the overlap figures and exit code 3 (nothing written) unless
/// <c>--allow-partial</c>: a road network, a communes layer, a QPV layer; estates mostly unreachable in traveltimes.
/// </summary>
public sealed class CoverageCommandTests
{
    [Fact]
    public void RoadsBuild_AndorraIntoTheDemo_Exit3WithFiguresAndNoGraph()
    {
        var andorra = TestPaths.Shared("osm/andorra.osm.pbf");
        if (!File.Exists(andorra)) { Assert.False(TestPaths.OnCi, andorra + " missing"); return; }
        using var tmp = TestPaths.Temp();
        var project = Demo(tmp);
        var run = CliRun.Invoke("roads", "build", andorra, "--into", project);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("territory: andorra.osm.pbf : le réseau routier ne raccorde que 0\u00a0programme sur 1\u202f495 (0\u00a0%) à moins de 500 m d'une route : "
            + "ce n'est sans doute pas la bonne zone ; rien n'a été écrit (--allow-partial pour l'écrire quand même).", run.Error.Trim());
        Assert.False(File.Exists(Path.ChangeExtension(project, ".roads.graph")));

        var allowed = CliRun.Invoke("roads", "build", andorra, "--into", project, "--allow-partial", "--json");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(0, allowed.Json().GetProperty("estates_connected").GetInt32());
        Assert.StartsWith("Attention : andorra.osm.pbf : le réseau routier ne raccorde que 0\u00a0programme sur", allowed.Error, StringComparison.Ordinal);

        // Then every estate is unreachable: traveltimes refuses to write empty times.
        var times = CliRun.Invoke("traveltimes", project, "--out", tmp.Path, "--lang", "en");
        Assert.Equal(3, times.ExitCode);
        Assert.StartsWith("territory: 1,495 of 1,495 estates (100%) cannot be reached by road", times.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "temps-residences.csv")));
        var partial = CliRun.Invoke("traveltimes", project, "--out", tmp.Path, "--allow-partial", "--json");
        Assert.Equal(0, partial.ExitCode);
        Assert.Equal(1495, partial.Json().GetProperty("unreachable").GetInt32());
        Assert.False(File.Exists(Path.Combine(tmp.Path, "matrice-agences-residences.csv")), "the matrix is written only on request");
    }

    [Fact]
    public void Import_CommunesOfAnotherDepartement_Exit3AndTheLayerUnchanged()
    {
        var ariege = TestPaths.Shared("communes/communes-09-ariege.geojson");
        if (!File.Exists(ariege)) { Assert.False(TestPaths.OnCi, ariege + " missing"); return; }
        using var tmp = TestPaths.Temp();
        var project = Demo(tmp);
        var before = Count(project, "communes");
        var run = CliRun.Invoke("import", ariege, "--into", project, "--as", "communes");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("les communes importées ne couvrent que 0 programmes sur 1\u202f495", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Count(project, "communes"));
        Assert.Equal(0, CliRun.Invoke("import", ariege, "--into", project, "--as", "communes", "--allow-partial", "--replace").ExitCode);
    }

    [Fact]
    public void Import_QpvOfAnotherRegion_Exit3()
    {
        var qpv = TestPaths.Shared("qpv/qpv_occitanie_ouest.geojson");
        if (!File.Exists(qpv)) { Assert.False(TestPaths.OnCi, qpv + " missing"); return; }
        using var tmp = TestPaths.Temp();
        var project = Demo(tmp);
        var run = CliRun.Invoke("import", qpv, "--into", project, "--as", "qpv", "--append", "--lang", "en");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("0 of 45 priority districts within 20 km of one of the project's 1,495\u00a0estates", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FranceServicesIntoTheDemo_SomeNearWarnsWithTheFiguresAndImports()
    {
        var fs = TestPaths.Shared("agences/france_services_2020_shared.geojson");
        if (!File.Exists(fs)) { Assert.False(TestPaths.OnCi, fs + " missing"); return; }
        using var tmp = TestPaths.Temp();
        var project = Demo(tmp);
        var run = CliRun.Invoke("import", fs, "--into", project, "--as", "agencies", "--append", "--kind", "lieu_relais", "--json");
        var json = run.Json();
        var overlap = json.GetProperty("overlap");
        Assert.Equal("partial", overlap.GetProperty("verdict").GetString());
        Assert.InRange(overlap.GetProperty("covered").GetInt32(), 1, 824);
        Assert.Equal("overlap_agencies", overlap.GetProperty("code").GetString());
    }

    [Fact]
    public void Import_IntoAProjectWithoutEstates_NothingChecked()
    {
        var ariege = TestPaths.Shared("communes/communes-09-ariege.geojson");
        if (!File.Exists(ariege)) { Assert.False(TestPaths.OnCi, ariege + " missing"); return; }
        using var tmp = TestPaths.Temp();
        var json = CliRun.Invoke("import", ariege, "--into", tmp.File("new.gpkg"), "--as", "communes", "--json").Json();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("overlap").ValueKind);
    }

    private static string Demo(TempDir tmp)
    {
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        return project;
    }

    private static long Count(string project, string table)
    {
        using var c = new SqliteConnection($"Data Source={project};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }
}
