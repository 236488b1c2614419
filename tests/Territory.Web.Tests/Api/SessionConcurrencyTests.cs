using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Web.Hosting;
using Territory.Web.State;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>
/// Others write to the project while the map server holds it (the CLI, another server): nothing they
/// commit is ever erased by a save or an import made from an older state.
/// </summary>
public sealed class SessionConcurrencyTests
{
    [Fact]
    public async Task Save_AfterAnotherProgramImported_Is409ThenReloadKeepsBoth()
    {
        // No watcher: the save itself must notice what was committed behind the session's back.
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var (lon, lat) = await AnyEstate(client);
        var added = await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais du test", kind = "lieu_relais", lon, lat });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var seen = DataVersion(added);
        var scenarioId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes")[0].GetProperty("agencyId").GetString()!;

        var cliVersion = ImportAgencyBehindTheServer(factory.ProjectPath, "CLI-1");

        var save = await Post(client, "/api/scenario/save", seen);
        var problem = await Json.Problem(save, HttpStatusCode.Conflict);
        Assert.Equal("project_changed_save", problem.GetProperty("code").GetString());
        Assert.Contains("scénario est conservé", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(cliVersion, problem.GetProperty("dataVersion").GetInt64());
        Assert.Equal(cliVersion, StoredAgencies(factory.ProjectPath).Version);

        // The session reloaded: the map sees the other program's point and keeps its scenario.
        var state = await Json.Get(client, "/api/scenario");
        Assert.True(state.GetProperty("dirty").GetBoolean());
        Assert.Equal(cliVersion, state.GetProperty("dataVersion").GetInt64());
        var layer = await Json.Features(client, "/api/layers/agencies");
        Assert.Contains(layer, f => Json.Str(f, "id") == "CLI-1");
        Assert.Contains(layer, f => Json.Str(f, "id") == scenarioId);

        var again = await Post(client, "/api/scenario/save", cliVersion);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (ids, version) = StoredAgencies(factory.ProjectPath);
        Assert.Contains("CLI-1", ids);
        Assert.Contains(scenarioId, ids);
        Assert.Equal(cliVersion + 1, version);
    }

    [Fact]
    public async Task Watcher_NoticesAnotherProgramsCommit_AndAStaleViewStillGets409()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.FromMilliseconds(200) };
        using var client = factory.App();
        var (lon, lat) = await AnyEstate(client);
        var added = await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais du test", kind = "lieu_relais", lon, lat });
        var seen = DataVersion(added);

        var cliVersion = ImportAgencyBehindTheServer(factory.ProjectPath, "CLI-2");
        // The server's own signal: its status reports the version it reloaded.
        await Until(async () => (await Json.Get(client, "/api/project/status")).GetProperty("dataVersion").GetInt64() == cliVersion);
        Assert.True((await Json.Get(client, "/api/scenario")).GetProperty("dirty").GetBoolean());

        // A view made before the reload is refused, even though the session itself is now current.
        await Json.Problem(await Post(client, "/api/scenario/save", seen), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, "/api/scenario/save", cliVersion)).StatusCode);
        Assert.Contains("CLI-2", StoredAgencies(factory.ProjectPath).Ids);
    }

    [Fact]
    public async Task Import_FromAStaleView_Is409AndWritesNothing()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var seen = (await Json.Get(client, "/api/project")).GetProperty("dataVersion").GetInt64();
        var cliVersion = ImportAgencyBehindTheServer(factory.ProjectPath, "CLI-3");
        var geojson = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"MAP-1","nom":"Relais carte","type":"lieu relais"},"geometry":{"type":"Point","coordinates":[2.95,44.4]}}]}""";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import?kind=agencies&mode=append") { Content = Upload(geojson, "relais.geojson") };
        request.Headers.Add(VersionHeader.DataHeader, seen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var problem = await Json.Problem(await client.SendAsync(request), HttpStatusCode.Conflict);

        Assert.Equal("project_changed_import", problem.GetProperty("code").GetString());
        var (ids, version) = StoredAgencies(factory.ProjectPath);
        Assert.Equal(cliVersion, version);
        Assert.DoesNotContain("MAP-1", ids);
        Assert.Contains("CLI-3", ids);
    }

    [Fact]
    public async Task Import_WhoseBrowserGoesAwayDuringTheReload_NextSaveKeepsEverything()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var hub = factory.Services.GetRequiredService<ProgressHub>();
        using var abort = new CancellationTokenSource();
        using var listening = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var subscribed = new TaskCompletionSource();
        // The browser leaves right after the commit, while the server reloads and reanalyses.
        var watcher = Task.Run(async () =>
        {
            await foreach (var e in hub.Subscribe(listening.Token))
            {
                if (e.EventType == "hello")
                    subscribed.TrySetResult();
                if (e.EventType == "committed")
                {
                    await abort.CancelAsync();
                    return e.Data.DataVersion!.Value;
                }
            }
            return -1L;
        });
        await subscribed.Task;
        var geojson = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"MAP-2","nom":"Relais carte","type":"lieu relais"},"geometry":{"type":"Point","coordinates":[2.95,44.4]}}]}""";

        var import = client.PostAsync("/api/import?kind=agencies&mode=append", Upload(geojson, "relais.geojson"), abort.Token);
        var committed = await watcher;
        try { await import; } catch (OperationCanceledException) { } // the answer may beat the browser leaving once the re-read is incremental: nothing may be lost either way

        // The reload ran to completion on its own: the session reaches the committed version.
        await Until(async () => (await Json.Get(client, "/api/project/status")).GetProperty("dataVersion").GetInt64() == committed);
        var (lon, lat) = await AnyEstate(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenario/agencies", new { kind = "antenne", lon, lat })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, "/api/scenario/save", committed)).StatusCode);
        var ids = StoredAgencies(factory.ProjectPath).Ids;
        Assert.Contains("MAP-2", ids);
        Assert.Contains(ids, id => id.StartsWith("SCN-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Save_WhoseBrowserGoesAwayAfterTheCommit_NextSaveKeepsBothPoints()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var hub = factory.Services.GetRequiredService<ProgressHub>();
        var (lon, lat) = await AnyEstate(client);
        var first = await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Premier relais", kind = "lieu_relais", lon, lat });
        var seen = DataVersion(first);
        using var abort = new CancellationTokenSource();
        using var listening = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var subscribed = new TaskCompletionSource();
        var watcher = Task.Run(async () =>
        {
            await foreach (var e in hub.Subscribe(listening.Token))
            {
                if (e.EventType == "hello")
                    subscribed.TrySetResult();
                if (e.EventType == "committed" && e.Data.Task == "save")
                {
                    await abort.CancelAsync();
                    return e.Data.DataVersion!.Value;
                }
            }
            return -1L;
        });
        await subscribed.Task;
        using var save = new HttpRequestMessage(HttpMethod.Post, "/api/scenario/save");
        save.Headers.Add(VersionHeader.DataHeader, seen.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var pending = client.SendAsync(save, abort.Token);
        var committed = await watcher;
        // The browser goes away as soon as the commit is announced; when the session's re-read is quicker than that
        // (an incremental recomputation), the answer may already be on its way: either way nothing may be lost.
        try { await pending; } catch (OperationCanceledException) { }

        // The session finished its re-read: the first point is saved, the scenario is clean, a second save adds to it.
        await Until(async () => (await Json.Get(client, "/api/project/status")).GetProperty("dataVersion").GetInt64() == committed);
        Assert.False((await Json.Get(client, "/api/scenario")).GetProperty("dirty").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenario/agencies", new { name = "Second relais", kind = "lieu_relais", lon, lat })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(client, "/api/scenario/save", committed)).StatusCode);
        var names = StoredNames(factory.ProjectPath);
        Assert.Contains("Premier relais", names);
        Assert.Contains("Second relais", names);
    }

    [Fact]
    public async Task Save_WritesDerivedLayersWithTheVersionTheyDescribe()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        using var client = factory.App();
        var (lon, lat) = await AnyEstate(client);
        var added = await client.PostAsJsonAsync("/api/scenario/agencies", new { kind = "antenne", lon, lat });
        var saved = await Post(client, "/api/scenario/save", DataVersion(added));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        using var store = ProjectStores.Open(factory.ProjectPath);
        Assert.Equal(store.DataVersion, store.DerivedVersion("travel_estates"));
        Assert.Equal(store.DataVersion, store.DerivedVersion("territories"));
    }

    private static async Task<(double Lon, double Lat)> AnyEstate(HttpClient client)
    {
        var p = (Point)(await Json.Features(client, "/api/layers/estates")).First().Geometry;
        return (p.X, p.Y);
    }

    private static long DataVersion(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues(VersionHeader.DataHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, long seen)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add(VersionHeader.DataHeader, seen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client.SendAsync(request);
    }

    private static MultipartFormDataContent Upload(string text, string name)
    {
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>What `territory import --append` does from another process: one agency added, committed.</summary>
    private static long ImportAgencyBehindTheServer(string project, string id)
    {
        using var store = ProjectStores.Open(project);
        var crs = store.WorkingCrs!.Value;
        var first = store.ReadAgencies()[0];
        var agency = first with { Id = id, Name = "Agence ajoutée en ligne de commande", Location = (Point)first.Location.Copy() };
        var outcome = store.ImportLayer(new ImportResult
        {
            Kind = LayerKind.Agencies, SourcePath = "cli.geojson", SourceCrs = crs, TargetCrs = crs, Read = 1, Agencies = [agency],
        }, LayerWriteOptions.AppendRows);
        return outcome.DataVersion;
    }

    private static List<string?> StoredNames(string project)
    {
        using var store = ProjectStores.Open(project);
        return store.ReadAgencies().Select(a => a.Name).ToList();
    }

    private static (List<string> Ids, long Version) StoredAgencies(string project)
    {
        using var store = ProjectStores.Open(project);
        return (store.ReadAgencies().Select(a => a.Id).ToList(), store.DataVersion);
    }

    /// <summary>Polls an application signal until it holds (two minutes at most: a loaded machine reanalyses slowly).</summary>
    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the server never reached the expected state");
            await Task.Delay(50);
        }
    }
}
