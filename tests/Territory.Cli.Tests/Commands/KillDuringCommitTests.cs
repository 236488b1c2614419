using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Territory.Cli.Tests.Commands;

/// <summary>
/// kill -9 in the middle of a commit never leaves a broken or half-written project: SQLite's rollback
/// journal beside the file puts it back to the last committed state when it is next opened.
/// </summary>
/// <remarks>Slow (twenty child processes, large imports): runs only on CI (<c>CI=true</c>).</remarks>
public sealed class KillDuringCommitTests
{
    private const int Rows = 60_000;

    [Fact]
    [Trait("Category", "CiOnly")]
    public void Import_KilledMidCommitTwentyTimes_ProjectIntactAndEitherOldOrNew()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            return;
        using var tmp = TestPaths.Temp();
        var project = tmp.File("p.gpkg");
        var journal = project + "-journal";
        var layers = new[] { Write(tmp.File("a.csv"), "A"), Write(tmp.File("b.csv"), "B") };
        CliRun.Invoke("import", layers[0], "--into", project, "--as", "estates", "--json").Json();
        var state = "A";
        var hotJournals = 0;

        for (var i = 0; i < 20; i++)
        {
            var next = state == "A" ? "B" : "A";
            using var child = Start("import", next == "A" ? layers[0] : layers[1], "--into", project, "--as", "estates", "--replace", "--json");
            // The journal appears when the transaction first writes the file: kill at that moment, inside the commit.
            while (!child.HasExited && !File.Exists(journal))
                Thread.SpinWait(64);
            if (!child.HasExited)
                child.Kill();
            child.WaitForExit();
            // A journal with content was left by a transaction cut short: the next reader must roll it back.
            if (File.Exists(journal) && new FileInfo(journal).Length > 0)
                hotJournals++;

            using var sql = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = project, Pooling = false }.ToString());
            sql.Open(); // the first reader rolls a hot journal back
            Assert.Equal("ok", Scalar(sql, "PRAGMA integrity_check"));
            var count = Convert.ToInt64(Scalar(sql, "SELECT count(*) FROM estates"), CultureInfo.InvariantCulture);
            var prefixes = Convert.ToInt64(Scalar(sql, "SELECT count(DISTINCT substr(id, 1, 1)) FROM estates"), CultureInfo.InvariantCulture);
            var prefix = (string)Scalar(sql, "SELECT substr(id, 1, 1) FROM estates LIMIT 1")!;
            Assert.Equal(Rows, count);
            Assert.Equal(1, prefixes);
            Assert.True(prefix == state || prefix == next, $"iteration {i}: estates of {prefix}");
            state = prefix;
        }
        // An empty journal left by a kill at its creation is not hot: the next write reuses and removes it.
        CliRun.Invoke("import", state == "A" ? layers[1] : layers[0], "--into", project, "--as", "estates", "--replace", "--json").Json();
        Assert.False(File.Exists(journal));
        Assert.True(hotJournals > 0, "no kill landed inside a commit: the test proved nothing");
    }

    private static string Write(string path, string prefix)
    {
        var text = new StringBuilder("id;nom;nb_logements;lon;lat\n");
        for (var i = 0; i < Rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"{prefix}{i};Résidence {prefix} {i};{1 + i % 80};{1.30 + i % 300 * 0.001:0.000};{43.50 + i / 300 * 0.001:0.000}\n");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "territory.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
