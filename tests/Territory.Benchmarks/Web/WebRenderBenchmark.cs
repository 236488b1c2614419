extern alias web;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using TerritoryWebApp = web::Territory.Web.Hosting.TerritoryWebApp;

namespace Territory.Benchmarks.Web;

/// <summary>
/// <c>web-render DIR [RUNS] [TIMEOUT_S] [PROJECT…] [--trace]</c>: first full render of the map in headless Chromium (Debian's), from
/// navigation start to <c>window.territory.ready</c> resolved (or <c>body[data-ready=true]</c>), on the
/// 50,000-estate project and on the demo (anchor), each page in a fresh browser context; plus the time
/// and size of <c>/api/layers/estates</c> fetched by HttpClient.
/// </summary>
/// <remarks>DIR is the output of <c>web-project</c> (habitat-demo-50k.gpkg and habitat-demo.gpkg with their road graphs).</remarks>
public static class WebRenderBenchmark
{
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        // No GPU here: WebGL runs on SwiftShader, which Chromium only grants on request from now on.
        "--enable-unsafe-swiftshader"];

    /// <summary>
    /// Installed before the page's scripts: notes <c>performance.now()</c> (ms since navigation start) when
    /// <c>window.territory.ready</c> resolves — trapped on assignment so no polling delay is added — or when
    /// <c>body.dataset.ready</c> becomes "true", whichever comes first.
    /// </summary>
    private const string ReadyProbe = """
        (() => {
          const mark = (how) => { if (window.__readyAt === undefined) { window.__readyAt = performance.now(); window.__readyHow = how; } };
          const watch = (t) => { if (t && t.ready && typeof t.ready.then === 'function' && !t.__watched) { t.__watched = true; t.ready.then(() => mark('territory.ready')); } };
          let value;
          Object.defineProperty(window, 'territory', { configurable: true, enumerable: true,
            get() { return value; }, set(v) { value = v; watch(v); } });
          const poll = setInterval(() => { watch(value); if (window.__readyAt !== undefined) clearInterval(poll); }, 5);
          new MutationObserver(() => { if (document.body && document.body.dataset.ready === 'true') mark('body.dataset.ready'); })
            .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
        })();
        """;

    private const string BreakdownScript = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const api = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'));
          const last = api.reduce((a, e) => (!a || e.responseEnd > a.responseEnd ? e : a), null);
          const slowest = api.reduce((a, e) => (!a || e.duration > a.duration ? e : a), null);
          const name = (e) => e ? e.name.split('/api/')[1].split('?')[0] : '-';
          return `DOMContentLoaded ${Math.round(nav ? nav.domContentLoadedEventEnd : -1)} ms, ${api.length} API calls, last answer in at ${Math.round(last ? last.responseEnd : -1)} ms (${name(last)}), slowest ${name(slowest)} ${Math.round(slowest ? slowest.duration : -1)} ms`;
        }
        """;

    public static async Task Run(string[] args)
    {
        // --trace: each render's requests and the main thread's time by kind (WebRenderTrace).
        var trace = args.Contains("--trace");
        args = [.. args.Where(a => a != "--trace")];
        var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "territory-web-50k");
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var timeout = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) * 1000 : 30_000;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {Load()}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Console.WriteLine($"chromium {browser.Version}");
        // web-render DIR RUNS TIMEOUT [PROJECT…]: other projects of DIR (the scaling table renders each size).
        foreach (var project in args.Length > 3 ? args[3..] : ["habitat-demo.gpkg", "habitat-demo-50k.gpkg"])
            await Measure(browser, Path.Combine(dir, project), runs, timeout, trace);
    }

    private static async Task Measure(IBrowser browser, string project, int runs, double timeout, bool trace)
    {
        if (!File.Exists(project))
        {
            Console.WriteLine($"{project}: missing (run web-project first)");
            return;
        }
        var sw = Stopwatch.StartNew();
        await using var app = TerritoryWebApp.Build([], o => { o.Project = project; o.Port = 0; });
        await app.StartAsync();
        var url = app.Urls.First();
        var name = Path.GetFileNameWithoutExtension(project);
        Console.WriteLine($"{name}: server loaded and listening in {sw.Elapsed.TotalMilliseconds:F0} ms at {url}");
        try
        {
            // Cold = a fresh server once its own preparation of the state finished, nothing asked of it yet; the whole
            // estates layer (the anchor, which builds a large answer) is measured after the renders.
            await TileLoad.Prepared(url, sw);
            var times = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                await context.AddInitScriptAsync(ReadyProbe);
                var page = await context.NewPageAsync();
                var recording = trace ? await WebRenderTrace.Start(context, page) : null;
                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                try
                {
                    await page.WaitForFunctionAsync("() => window.__readyAt !== undefined", null, new PageWaitForFunctionOptions { Timeout = (float)timeout, PollingInterval = 20 });
                }
                catch (TimeoutException)
                {
                    Console.WriteLine($"{name}: render {i + 1}: not ready after {timeout / 1000:F0} s — the front end sets neither window.territory.ready nor body[data-ready]");
                    return;
                }
                var readyAt = await page.EvaluateAsync<double>("() => window.__readyAt");
                var how = await page.EvaluateAsync<string>("() => window.__readyHow");
                var stats = await page.EvaluateAsync<string>("() => JSON.stringify(window.territory && window.territory.stats ? window.territory.stats() : null)");
                // Where the time went: the API answers (start → end, ms since navigation) and the page's own milestones.
                var breakdown = await page.EvaluateAsync<string>(BreakdownScript);
                var marks = await page.EvaluateAsync<string>("() => performance.getEntriesByType('mark').map(m => m.name + '@' + Math.round(m.startTime)).join(' ')");
                if (!string.IsNullOrEmpty(marks))
                    Console.WriteLine("  marks: " + marks);
                times.Add(readyAt);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: render {i + 1}: {readyAt:F0} ms ({how}) stats {stats}; {breakdown}"));
                if (recording is not null)
                    await WebRenderTrace.Report(recording, page, readyAt);
            }
            await EstatesLayer(url, name);
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: first full render over {times.Count} fresh contexts: min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The anchor: the estates layer as the page fetches it (gzip) and raw, first (built) and warm.</summary>
    private static async Task EstatesLayer(string url, string name)
    {
        using var gzip = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(url) };
        gzip.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        using var raw = new HttpClient { BaseAddress = new Uri(url) };
        var sw = Stopwatch.StartNew();
        var rawBytes = await raw.GetByteArrayAsync("/api/layers/estates");
        var first = sw.Elapsed.TotalMilliseconds;
        var warm = new List<double>();
        byte[] gzBytes = [];
        for (int i = 0; i < 5; i++)
        {
            sw.Restart();
            gzBytes = await gzip.GetByteArrayAsync("/api/layers/estates");
            warm.Add(sw.Elapsed.TotalMilliseconds);
        }
        var warmRaw = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            sw.Restart();
            await raw.GetByteArrayAsync("/api/layers/estates");
            warmRaw.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: /api/layers/estates {rawBytes.Length / 1e6:F2} MB raw, {gzBytes.Length / 1e6:F2} MB gzip; first (builds the layer) {first:F0} ms; warm median raw {warmRaw.Order().ElementAt(2):F0} ms, gzip {warm.Order().ElementAt(2):F0} ms"));
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
}
