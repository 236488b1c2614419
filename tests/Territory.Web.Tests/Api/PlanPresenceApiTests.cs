using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>A plan made on the map feeds the presence plan's sites hook: the territories it serves list its sites instead of « à localiser ».</summary>
public sealed class PlanPresenceApiTests
{
    [Fact]
    public async Task Plan_OnTheMap_TerritoriesItServesListItsSitesInTheirPresencePlan()
    {
        using var factory = new WebFactory();
        using var client = factory.App();
        var before = (await Json.Get(client, "/api/project")).GetProperty("version").GetInt32();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var events = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(cts.Token));

        var job = await PlanningClient.RunAsync(client, "/api/plan/sites", new { problem = "mclp", minutes = 20, keepExisting = true, newCount = 5, kind = "lieu_relais" });

        // The session analyses again once the plan is stored, and says so: `done` of task `reload`.
        while (await reader.ReadLineAsync(cts.Token) is { } line)
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains("\"task\":\"reload\"", StringComparison.Ordinal))
                break;
        Assert.True((await Json.Get(client, "/api/project")).GetProperty("version").GetInt32() > before);
        var plan = job.GetProperty("sites");
        var sites = plan.GetProperty("sites").EnumerateArray().ToList();
        var names = sites.Where(s => !s.GetProperty("existing").GetBoolean()).Select(s => s.GetProperty("name").GetString()!).ToHashSet();
        var newIndexes = sites.Select((s, i) => (s, i)).Where(x => !x.s.GetProperty("existing").GetBoolean()).Select(x => x.i).ToHashSet();
        var estates = plan.GetProperty("estates");
        var served = estates.GetProperty("id").EnumerateArray().Zip(estates.GetProperty("site").EnumerateArray())
            .Where(x => newIndexes.Contains(x.Second.GetInt32())).Select(x => x.First.GetString()!).ToList();
        var territories = new HashSet<string>();
        foreach (var id in served)
            territories.Add((await Json.Get(client, $"/api/estates/{Uri.EscapeDataString(id)}")).GetProperty("territory").GetProperty("id").GetString()!);

        var listed = new List<string>();
        foreach (var id in territories)
        {
            var detail = await Json.Get(client, $"/api/territories/{Uri.EscapeDataString(id)}");
            listed.AddRange(Items(detail).SelectMany(p => p.TryGetProperty("sites", out var s) ? s.EnumerateArray().Select(x => x.GetString()!) : []));
        }
        Assert.NotEmpty(listed);
        Assert.All(listed, name => Assert.Contains(name, names));
    }

    /// <summary>Every object of the answer that carries a <c>sites</c> list (the presence plan's lines).</summary>
    private static IEnumerable<JsonElement> Items(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("sites", out var s) && s.ValueKind == JsonValueKind.Array)
                yield return e;
            foreach (var p in e.EnumerateObject())
                foreach (var x in Items(p.Value))
                    yield return x;
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var v in e.EnumerateArray())
                foreach (var x in Items(v))
                    yield return x;
        }
    }
}
