using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory serve</c>: a real process, a real port, a real HTTP answer, a clean stop on SIGTERM (SIGINT is ignored by background jobs of a script, as tests run).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Missing_project_is_a_clear_error()
    {
        using var dir = TestPaths.Temp();
        var run = CliRun.Invoke("serve", dir.File("absent.gpkg"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("projet introuvable", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_project_and_no_demo_says_how_to_start()
    {
        var run = CliRun.Invoke("serve");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("territory serve --demo", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_demo_prints_the_url_answers_on_loopback_and_stops_on_sigterm()
    {
        using var dir = TestPaths.Temp();
        var dll = Path.Combine(AppContext.BaseDirectory, "territory.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "serve", "--demo", "--out", dir.Path, "--port", "0" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string? url = null;
        var printed = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (url is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            printed.Add(line);
            if (line.StartsWith("Carte de ", StringComparison.Ordinal))
                url = line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim();
        }
        try
        {
            if (url is null)
                Assert.Fail("no URL printed: " + string.Join('\n', printed) + await process.StandardError.ReadToEndAsync(timeout.Token));
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            // What it was doing before it listened, stage by stage.
            Assert.Contains(printed, l => l.Contains("lecture du réseau routier", StringComparison.Ordinal));
            Assert.Contains(printed, l => l.Contains("1\u202f495\u00a0programmes", StringComparison.Ordinal) && l.Contains("typologie en cours", StringComparison.Ordinal));
            Assert.Contains(printed, l => l.Contains("Projet prêt", StringComparison.Ordinal));
            using var http = new HttpClient();
            var project = await http.GetFromJsonAsync<JsonElement>(url + "/api/project", timeout.Token);
            Assert.Equal(1495, project.GetProperty("counts").GetProperty("estates").GetInt32());
            Assert.True(project.GetProperty("roads").GetBoolean());
            var page = await http.GetStringAsync(url + "/", timeout.Token);
            Assert.Contains("<html lang=\"fr\"", page, StringComparison.Ordinal);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                kill.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("territory serve did not stop within 30 s of SIGTERM");
            }
        }
        Assert.Equal(0, process.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "habitat-demo.roads.graph")));
    }
}
