using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Territory.Web.Hosting;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Browser;

/// <summary>
/// The real map server (Kestrel on a free port) over its own copy of the demo project, and
/// Debian's headless Chromium driven by Playwright. One per test class; a new page per test.
/// </summary>
public class BrowserServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Upper bound of a wait on the application's own signal (ready, a job's data-state, a version):
    /// a safety net against a hang, never a pace. A loaded machine (2 cores shared by builds) may take
    /// minutes where a quiet one takes seconds; the test still waits for the signal, not for a time.
    /// </summary>
    public const float SignalTimeoutMs = 300_000;

    static BrowserServer() => Assertions.SetDefaultExpectTimeout(SignalTimeoutMs);

    private TempProject? _project;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>False when Chromium is missing off CI: the tests return early (on CI they fail).</summary>
    public bool Available { get; private set; }

    public string Url { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>One context for the class (its HTTP cache keeps the hashed assets between pages).</summary>
    public IBrowserContext Context { get; private set; } = null!;

    public string ProjectPath => _project!.Path;

    /// <summary>The project the server serves: <see cref="ProjectPath"/>, or where <see cref="Configure"/> moved it (a PostgreSQL URI).</summary>
    public string ProjectLocation { get; private set; } = "";

    /// <summary>More Chromium switches (a fixture without WebGL adds <c>--disable-webgl</c>).</summary>
    protected virtual string[] ExtraArgs => [];

    /// <summary>Server options of a fixture (a fixture without the project watcher sets its interval to zero).</summary>
    protected virtual void Configure(WebOptions options)
    {
    }

    /// <summary>The project served (a copy of the demo unless a fixture makes another).</summary>
    internal virtual TempProject CreateProject() => DemoProject.Copy();

    /// <summary>False for a fixture whose tests will not run (nothing is started).</summary>
    protected virtual bool Wanted => true;

    public async Task InitializeAsync()
    {
        if (!Wanted)
            return;
        if (!File.Exists(ChromiumPath))
        {
            if (TestPaths.OnCi)
                throw new InvalidOperationException($"Chromium is required on CI ({ChromiumPath} missing: apt-get install chromium).");
            return;
        }
        _project = CreateProject();
        _app = TerritoryWebApp.Build([], o => { o.Project = _project.Path; o.Port = 0; Configure(o); ProjectLocation = o.Project!; });
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        // A server open to the network (0.0.0.0) is reached here through this machine's loopback address.
        Url = (addresses?.FirstOrDefault() ?? _app.Urls.First()).TrimEnd('/').Replace("//0.0.0.0:", "//127.0.0.1:", StringComparison.Ordinal)
            .Replace("//[::]:", "//127.0.0.1:", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    // No GPU here: WebGL runs on SwiftShader, which Chromium only grants on request from now on.
                    "--enable-unsafe-swiftshader", .. ExtraArgs],
        });
        Context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "fr-FR" });
        // Offline machine: online basemap tiles fail at once instead of waiting for DNS.
        await Context.RouteAsync(url => !url.StartsWith(Url, StringComparison.Ordinal), route => route.AbortAsync("internetdisconnected"));
        Available = true;
    }

    /// <summary>
    /// A fresh 1280×800 page on the app in <paramref name="lang"/> (the context's storage is shared, so each page
    /// says its language instead of inheriting another test's switch), waited until <c>window.territory.ready</c>;
    /// page errors are collected.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string lang = "fr")
    {
        // Pages a finished test left open keep their event streams: Chromium allows six connections to one host over
        // HTTP/1.1, so a seventh stream (a planning job's) would wait for ever. Tests run one at a time: close them.
        foreach (var old in Context.Pages.ToList())
            if (!old.IsClosed)
                await old.CloseAsync();
        var page = await Context.NewPageAsync();
        await page.AddInitScriptAsync($"try {{ localStorage.setItem('territory.lang', '{lang}'); }} catch (e) {{ }}");
        page.SetDefaultTimeout(SignalTimeoutMs);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add("pageerror: " + e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        await page.GotoAsync(Url + "/");
        await page.WaitForFunctionAsync("() => window.territory && document.body.dataset.ready === 'true'", null, new() { Timeout = SignalTimeoutMs });
        await page.EvaluateAsync("() => window.territory.ready");
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Available)
        {
            await Context.CloseAsync();
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _project?.Dispose();
        CleanUp();
    }

    /// <summary>Removes what <see cref="Configure"/> created beside the project copy (a PostGIS schema).</summary>
    protected virtual void CleanUp()
    {
    }
}
