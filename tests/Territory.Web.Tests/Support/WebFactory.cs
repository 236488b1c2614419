using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Territory.Web.Hosting;

namespace Territory.Web.Tests.Support;

/// <summary>In-memory server (TestServer) over a copy of the demo project; the client sends the front end's mutation header.</summary>
public sealed class WebFactory : WebApplicationFactory<Program>
{
    private readonly TempProject _project = DemoProject.Copy();

    /// <summary>Upload limit for this server (the 413 test lowers it).</summary>
    public long MaxUploadBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>How often the server looks for others' commits (zero: never, so that a test decides when the session notices).</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>More <c>Territory:</c> settings (e.g. <c>IsochroneConcurrency</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The server's clock (a test moves it instead of waiting); null for the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The project file served.</summary>
    public string ProjectPath => _project.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Territory:Project", _project.Path);
        builder.UseSetting("Territory:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
            builder.UseSetting("Territory:" + key, value);
        builder.UseSetting("Territory:WatchInterval", WatchInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        if (Clock is { } clock)
            builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }

    /// <summary>A client as the front end makes requests (with <see cref="MutationGuard.Header"/>).</summary>
    public HttpClient App()
    {
        var client = CreateClient();
        // An import reruns the travel review and the analysis inside the request: with the 825
        // France Services points that takes ~25 s on a loaded 2-core machine, beyond HttpClient's 100 s
        // default only when two suites share the machine — give it room rather than flake.
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Add(MutationGuard.Header, "1");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _project.Dispose();
    }
}
