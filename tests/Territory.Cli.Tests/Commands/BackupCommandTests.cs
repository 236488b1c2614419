using Microsoft.Data.Sqlite;
using Territory.Store;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory backup</c>: a sound copy of the last committed state, even while another program is writing.</summary>
public sealed class BackupCommandTests
{
    [Fact]
    public void Backup_WhileAnotherProgramHoldsAnUncommittedWrite_CopiesTheCommittedState()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("e.csv"), "id;nom;nb_logements;lon;lat\nA;Les Tilleuls;40;1.44;43.60\nB;Le Parc;25;1.45;43.61\n");
        CliRun.Invoke("import", tmp.File("e.csv"), "--into", project, "--as", "estates", "--json").Json();
        File.WriteAllText(tmp.File("p.roads.graph"), "graphe");
        long version;
        using (var store = ProjectStores.Open(project))
            version = store.DataVersion;
        using var writer = new SqliteConnection($"Data Source={project};Pooling=False");
        writer.Open();
        using var pending = writer.BeginTransaction();
        using (var cmd = writer.CreateCommand())
        {
            cmd.Transaction = pending;
            cmd.CommandText = "DELETE FROM estates";
            cmd.ExecuteNonQuery();
        }

        var json = CliRun.Invoke("backup", project, tmp.File("copie.gpkg"), "--json").Json();

        pending.Rollback();
        Assert.Equal(version, json.GetProperty("data_version").GetInt64());
        Assert.Single(json.GetProperty("road_graph_files").EnumerateArray());
        Assert.Equal("graphe", File.ReadAllText(tmp.File("copie.roads.graph")));
        using var copy = ProjectStores.Open(tmp.File("copie.gpkg"));
        Assert.Equal(["A", "B"], copy.ReadEstates().Select(e => e.Id));
        Assert.Equal(version, copy.DataVersion);
        Assert.False(File.Exists(tmp.File("copie.gpkg.partiel")));
    }

    [Fact]
    public void Backup_OntoAnExistingFileOrItself_RefusedWithoutTouchingIt()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        File.WriteAllText(tmp.File("e.csv"), "id;nom;nb_logements;lon;lat\nA;Les Tilleuls;40;1.44;43.60\n");
        CliRun.Invoke("import", tmp.File("e.csv"), "--into", project, "--as", "estates", "--json").Json();
        File.WriteAllText(tmp.File("autre.gpkg"), "précieux");

        var onto = CliRun.Invoke("backup", project, tmp.File("autre.gpkg"));
        var itself = CliRun.Invoke("backup", project, project);
        var text = CliRun.Invoke("backup", project, tmp.File("copie.gpkg"));

        Assert.Equal(2, onto.ExitCode);
        Assert.Contains("existe déjà", onto.Error, StringComparison.Ordinal);
        Assert.Equal("précieux", File.ReadAllText(tmp.File("autre.gpkg")));
        Assert.Equal(2, itself.ExitCode);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Copie écrite : copie.gpkg", text.Out, StringComparison.Ordinal);
    }
}
