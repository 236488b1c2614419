using Territory.Web.Hosting;
using Territory.Web.State;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>Loading a project (read, travel review, analysis) stops when asked: Ctrl+C during <c>territory serve</c>'s start.</summary>
public sealed class SessionLoadTests
{
    [Fact]
    public void Load_CancelledDuringTheTravelReview_StopsThere()
    {
        using var project = DemoProject.Copy();
        using var session = new ProjectSession(new WebOptions { Project = project.Path }, new ProgressHub());
        using var stop = new CancellationTokenSource();
        var reports = new List<double>();
        // Cancelled by the review's own progress report: the load is inside the searches when asked to stop.
        var progress = new Inline(v =>
        {
            reports.Add(v);
            if (v > 0.6)
                stop.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => session.Load(stop.Token, progress));

        Assert.Contains(reports, v => v > 0.6 && v < 0.9);
        Assert.DoesNotContain(1.0, reports);
    }

    [Fact]
    public void Load_ThenReadsTheProjectsDataVersion()
    {
        using var project = DemoProject.Copy();
        using var session = new ProjectSession(new WebOptions { Project = project.Path }, new ProgressHub());
        session.Load();
        using var store = Territory.Store.ProjectStores.Open(project.Path);
        Assert.Equal(store.DataVersion, session.DataVersion);
        Assert.Equal(store.DataVersion, session.StoredVersion());
    }

    private sealed class Inline(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}

/// <summary>The project file taken away while the map is open: writes are refused with the reason, nothing is lost.</summary>
public sealed class ProjectGoneTests
{
    [Fact]
    public async Task Save_ProjectMovedAway_503WithTheReasonThenWorksOnceBack()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var point = (NetTopologySuite.Geometries.Point)(await Json.Features(client, "/api/layers/estates")).First().Geometry;
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/scenario/agencies", new { kind = "antenne", lon = point.X, lat = point.Y })).EnsureSuccessStatusCode();
        File.Move(factory.ProjectPath, factory.ProjectPath + ".ailleurs");

        var problem = await Json.Problem(await client.PostAsync("/api/scenario/save", null), System.Net.HttpStatusCode.ServiceUnavailable);

        Assert.Equal("project_missing", problem.GetProperty("code").GetString());
        Assert.False(File.Exists(factory.ProjectPath)); // never recreated empty behind the user's back
        File.Move(factory.ProjectPath + ".ailleurs", factory.ProjectPath);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync("/api/scenario/save", null)).StatusCode);
    }
}

/// <summary>What a state derives (a layer's GeoJSON, the project summary) is built once, however many requests ask at once.</summary>
public sealed class SnapshotMemoTests
{
    [Fact]
    public async Task Memo_AskedAtOnce_BuiltOnce_AndAFailedBuildIsTriedAgain()
    {
        using var project = DemoProject.Copy();
        using var session = new ProjectSession(new WebOptions { Project = project.Path }, new ProgressHub());
        session.Load();
        var snapshot = session.Saved;
        var builds = 0;
        using var start = new Barrier(8);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return snapshot.Layer("test", () =>
            {
                Interlocked.Increment(ref builds);
                Thread.Sleep(50); // long enough for every other request to arrive while it builds
                return [1, 2, 3];
            });
        })));
        Assert.Equal(1, builds);
        Assert.All(answers, a => Assert.Same(answers[0], a));

        Assert.Throws<IOException>(() => snapshot.Memo<string>("summary", () => throw new IOException("disk")));
        Assert.Equal("again", snapshot.Memo("summary", () => "again"));
        Assert.Equal("again", snapshot.Memo("summary", () => "never built"));
    }
}
