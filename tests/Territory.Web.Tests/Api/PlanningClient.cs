using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Territory.Web.Tests.Api;

/// <summary>Starts planning jobs and waits for their end on the server's own signal: the <c>done</c> event of task <c>plan</c> on <c>/api/events</c>.</summary>
internal static class PlanningClient
{
    /// <summary>POSTs a job (expects 202) and returns its final answer.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string path, object body, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        using var events = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(cts.Token));
        await NextEventAsync(reader, "hello", cts.Token);
        var started = await client.PostAsJsonAsync(path, body, cts.Token);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"{path} → {(int)started.StatusCode} {await started.Content.ReadAsStringAsync(cts.Token)}");
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString()!;
        Assert.Equal($"/api/plan/jobs/{id}", started.Headers.Location?.OriginalString);
        while (true)
        {
            var job = await JobAsync(client, id);
            if (job.GetProperty("state").GetString() != "running")
                return job;
            await NextEventAsync(reader, "done", cts.Token, data => data.Contains("\"task\":\"plan\"", StringComparison.Ordinal));
        }
    }

    public static async Task<JsonElement> JobAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/plan/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Reads server-sent events until one of <paramref name="type"/> whose data passes <paramref name="accept"/>.</summary>
    private static async Task NextEventAsync(StreamReader reader, string type, CancellationToken ct, Func<string, bool>? accept = null)
    {
        string? current = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
                current = line["event:".Length..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal) && current == type && (accept is null || accept(line)))
                return;
            else if (line.Length == 0)
                current = null;
        }
        throw new InvalidOperationException("The event stream ended.");
    }
}
