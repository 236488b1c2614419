extern alias web;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using TerritoryWebApp = web::Territory.Web.Hosting.TerritoryWebApp;

namespace Territory.Benchmarks.Web;

/// <summary>
/// <c>tile-load PROJECT [SECONDS] [CLIENTS] [SOURCE]</c>: the vector tile endpoint under concurrent clients on loopback.
/// The map server runs in this process over PROJECT (a GeoPackage or a PostgreSQL URI; SOURCE <c>auto</c>, <c>memory</c>
/// or <c>postgis</c>). Anchor first, same clients, same duration: <c>GET /api/project</c>. Then each client plays a
/// user: a 1280 × 800 view at a zoom drawn from 5–14, centred on a random estate (people look where the data is), and
/// asks for every tile of the four layers the map draws in that view, one after another, gzip accepted.
/// Prints latency percentiles (overall, per zoom), requests per second, and the largest tile per zoom.
/// </summary>
public static class TileLoad
{
    private static readonly string[] Layers = ["estates", "territories", "communes", "qpv"];

    public static async Task Run(string[] args)
    {
        var project = args[0];
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
        var source = args.Length > 3 ? args[3] : "auto";
        Territory.PostGis.PostGisStores.Register();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {Load()}");
        var sw = Stopwatch.StartNew();
        await using var app = TerritoryWebApp.Build([], o => { o.Project = project; o.Port = 0; o.Tiles.Source = source; o.WatchInterval = TimeSpan.Zero; });
        await app.StartAsync();
        var url = app.Urls.First();
        Console.WriteLine($"server loaded and listening in {sw.Elapsed.TotalSeconds:F1} s at {url}; tile source {source}");
        // Measured after the server's own preparation of the state (indexes, national tiles) finished: its flag in GET /api/tiles.
        await Prepared(url, sw);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        using var plain = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        using var columns = JsonDocument.Parse(await plain.GetByteArrayAsync("/api/layers/estates?format=columns"));
        var lon = columns.RootElement.GetProperty("lon").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var lat = columns.RootElement.GetProperty("lat").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Console.WriteLine($"{lon.Length} estates; {clients} clients, {seconds} s per phase; load {Load()}");

        var anchor = await Phase(clients, seconds, async (rnd, record) =>
        {
            var t = Stopwatch.GetTimestamp();
            using var r = await http.GetAsync("/api/project");
            var bytes = await r.Content.ReadAsByteArrayAsync();
            record(new Sample(-1, "project", Stopwatch.GetElapsedTime(t).TotalMilliseconds, bytes.Length, (int)r.StatusCode));
        });
        Report("anchor GET /api/project", anchor, seconds);
        Console.WriteLine($"load {Load()}");

        var tiles = await Phase(clients, seconds, async (rnd, record) =>
        {
            int z = 5 + rnd.Next(10);
            int i = rnd.Next(lon.Length);
            foreach (var (layer, x, y) in View(lon[i], lat[i], z))
            {
                var path = $"/api/tiles/{layer}/{z}/{x}/{y}.mvt";
                var t = Stopwatch.GetTimestamp();
                using var r = await http.GetAsync(path);
                var bytes = await r.Content.ReadAsByteArrayAsync();
                record(new Sample(z, layer, Stopwatch.GetElapsedTime(t).TotalMilliseconds, bytes.Length, (int)r.StatusCode) { Url = path, Hit = Hit(r) });
            }
        });
        Report("tiles", tiles, seconds);
        Report("  from the server's cache", tiles.Where(s => s.Hit == true).ToList(), seconds, perZoom: true);
        Report("  cut for the request", tiles.Where(s => s.Hit != true).ToList(), seconds, perZoom: true);
        foreach (var g in tiles.GroupBy(s => s.Zoom).OrderBy(g => g.Key))
            Report($"  z{g.Key}", g.ToList(), seconds, perZoom: true);
        Console.WriteLine($"load {Load()}");

        // As a browser that kept the tiles it saw and asks again with their ETag (If-None-Match): 304s counted apart.
        var seen = Enumerable.Range(0, clients).Select(_ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal)).ToArray();
        var revalidated = await Phase(clients, seconds, async (rnd, record) =>
        {
            var mine = seen[rnd.Next(clients)];
            int z = 5 + rnd.Next(10);
            int i = rnd.Next(Math.Min(lon.Length, 200));
            foreach (var (layer, x, y) in View(lon[i], lat[i], z))
            {
                var path = $"/api/tiles/{layer}/{z}/{x}/{y}.mvt";
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (mine.TryGetValue(path, out var tag))
                    request.Headers.TryAddWithoutValidation("If-None-Match", tag);
                var t = Stopwatch.GetTimestamp();
                using var r = await http.SendAsync(request);
                var bytes = await r.Content.ReadAsByteArrayAsync();
                if (r.Headers.ETag is { } etag)
                    mine[path] = etag.ToString();
                record(new Sample(z, layer, Stopwatch.GetElapsedTime(t).TotalMilliseconds, bytes.Length, (int)r.StatusCode) { Hit = Hit(r) });
            }
        });
        Report("revalidating clients (views around 200 estates)", revalidated, seconds);
        Report("  304 not modified", revalidated.Where(s => s.Status == 304).ToList(), seconds, perZoom: true);
        Report("  200/204 from the server's cache", revalidated.Where(s => s.Status != 304 && s.Hit == true).ToList(), seconds, perZoom: true);
        Report("  200/204 cut for the request", revalidated.Where(s => s.Status != 304 && s.Hit != true).ToList(), seconds, perZoom: true);
        Console.WriteLine($"load {Load()}");

        // Sizes: the largest tile of each zoom and layer seen in the run, raw (asked again without gzip) and gzip.
        using var raw = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        Console.WriteLine("largest tile per zoom and layer (gzip / raw bytes):");
        foreach (var g in tiles.Where(s => s.Status == 200).GroupBy(s => (s.Zoom, s.Layer)).OrderBy(g => g.Key.Zoom).ThenBy(g => g.Key.Layer, StringComparer.Ordinal))
        {
            var big = g.MaxBy(s => s.Bytes)!;
            var rawBytes = (await raw.GetByteArrayAsync(big.Url!)).Length;
            var median = g.Select(s => s.Bytes).Order().ElementAt(g.Count() / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  z{g.Key.Zoom} {g.Key.Layer}: {big.Bytes:N0} / {rawBytes:N0} (median gzip {median:N0}, {g.Count()} answers)"));
        }
        await app.StopAsync();
    }

    /// <summary>The tiles of a 1280 × 800 view centred on (lon, lat) at zoom z, for the four layers.</summary>
    private static IEnumerable<(string Layer, int X, int Y)> View(double lon, double lat, int z)
    {
        var n = 1 << z;
        double px = (lon + 180) / 360 * n * 256;
        var phi = lat * Math.PI / 180;
        double py = (1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * n * 256;
        int x0 = Math.Max(0, (int)((px - 640) / 256)), x1 = Math.Min(n - 1, (int)((px + 640) / 256));
        int y0 = Math.Max(0, (int)((py - 400) / 256)), y1 = Math.Min(n - 1, (int)((py + 400) / 256));
        foreach (var layer in Layers)
            for (int x = x0; x <= x1; x++)
                for (int y = y0; y <= y1; y++)
                    yield return (layer, x, y);
    }

    private sealed record Sample(int Zoom, string Layer, double Ms, int Bytes, int Status)
    {
        public string? Url { get; init; }

        /// <summary>True when the server answered from its cache, false when it cut the tile (its Server-Timing header), null when it did not say.</summary>
        public bool? Hit { get; init; }
    }

    private static bool? Hit(HttpResponseMessage r) => r.Headers.TryGetValues("Server-Timing", out var v) && string.Join(",", v) is { } timing
        ? timing.Contains("desc=hit", StringComparison.Ordinal) ? true : timing.Contains("desc=cut", StringComparison.Ordinal) ? false : null
        : null;

    /// <summary>Waits for the server's preparation of the state (GET /api/tiles says <c>prepared</c>), then says how long it took.</summary>
    internal static async Task Prepared(string url, Stopwatch sinceStart)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        var listening = sinceStart.Elapsed;
        while (true)
        {
            using var info = JsonDocument.Parse(await http.GetByteArrayAsync("/api/tiles"));
            if (!info.RootElement.TryGetProperty("prepared", out var p) || p.GetBoolean())
                break;
            await Task.Delay(100);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tiles prepared {(sinceStart.Elapsed - listening).TotalSeconds:F1} s after the server listened (measures below start then); load {Load()}"));
    }

    private static async Task<List<Sample>> Phase(int clients, double seconds, Func<Random, Action<Sample>, Task> step)
    {
        var samples = new ConcurrentBag<Sample>();
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rnd = new Random(1000 + c);
            while (Stopwatch.GetTimestamp() < until)
                await step(rnd, samples.Add);
        }));
        await Task.WhenAll(tasks);
        return samples.ToList();
    }

    private static void Report(string name, List<Sample> samples, double seconds, bool perZoom = false)
    {
        var ms = samples.Select(s => s.Ms).Order().ToArray();
        double P(double p) => ms.Length == 0 ? double.NaN : ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(p * ms.Length) - 1)];
        var errors = samples.Count(s => s.Status >= 400);
        var empty = samples.Count(s => s.Status == 204);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {samples.Count} requests{(perZoom ? "" : $" ({samples.Count / seconds:F0}/s)")}, p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {P(1):F0} ms; {empty} empty (204), {errors} errors"));
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
}
