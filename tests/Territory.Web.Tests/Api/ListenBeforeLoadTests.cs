using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Territory.Core.Messages;
using Territory.Web.Hosting;
using Territory.Web.State;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>The server listening while its project loads (<c>territory serve</c>): early requests wait for the load, never answer without it.</summary>
public sealed class ListenBeforeLoadTests
{
    [Fact]
    public async Task Build_ListenBeforeLoad_RequestDuringTheLoadWaitsAndAnswersTheLoadedProject()
    {
        using var project = DemoProject.Copy();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The load stops once the layers are read, before the travel review and the analysis, until the test lets it go.
        await using var app = ListeningBeforeLoad(project.Path, () =>
        {
            held.TrySetResult();
            release.Task.Wait();
        });
        var session = app.Services.GetRequiredService<ProjectSession>();
        await app.StartAsync();
        try
        {
            await held.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
            var early = http.GetAsync("/api/project");
            // The request is in the server, waiting for the load (the server's own count), and has no answer yet.
            while (session.WaitingForLoad == 0 && !early.IsCompleted)
                await Task.Yield();
            Assert.False(early.IsCompleted);
            Assert.False(session.Ready.IsCompleted);

            release.SetResult();
            var answer = await early;
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var body = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
            Assert.True(session.Ready.IsCompletedSuccessfully);
            Assert.Equal(session.Saved.Data.Estates.Count, body.GetProperty("counts").GetProperty("estates").GetInt32());
            Assert.True(body.GetProperty("counts").GetProperty("estates").GetInt32() > 0);
            Assert.Equal(session.Saved.Analysis.Territories.Count, body.GetProperty("counts").GetProperty("territories").GetInt32());
        }
        finally
        {
            release.TrySetResult();
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Build_ListenBeforeLoad_FailedLoadFaultsReadyAndRequestsGetAProblem()
    {
        using var project = DemoProject.Copy();
        await using var app = ListeningBeforeLoad(project.Path, () => throw new ReasonException(Message.Of("project_missing", ("file", "x.gpkg"))));
        var session = app.Services.GetRequiredService<ProjectSession>();
        await app.StartAsync();
        try
        {
            var failure = await Assert.ThrowsAsync<ReasonException>(() => session.Ready.WaitAsync(TimeSpan.FromMinutes(2)));
            Assert.Equal("project_missing", failure.Reason.Code);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var answer = await http.GetAsync("/api/project");
            Assert.False(answer.IsSuccessStatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>A server on <paramref name="project"/> that listens before its load and runs <paramref name="atAnalysis"/> when the load reaches the analysis.</summary>
    private static Microsoft.AspNetCore.Builder.WebApplication ListeningBeforeLoad(string project, Action atAnalysis) => TerritoryWebApp.Build([], o =>
    {
        o.Project = project;
        o.Port = 0;
        o.WatchInterval = TimeSpan.Zero;
        o.ListenBeforeLoad = true;
        o.StartupStage = stage =>
        {
            if (stage.Code == "serve_stage_analysis")
                atAnalysis();
        };
    });
}
