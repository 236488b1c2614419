using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Territory.Core.Messages;
using Territory.Web.Api;
using Territory.Web.Auth;
using Territory.Web.Geo;
using Territory.Web.State;

namespace Territory.Web.Hosting;

/// <summary>Composes the map server: services, safety limits, the embedded front end and one <c>MapXxxApi</c> per feature.</summary>
public static class TerritoryWebApp
{
    /// <summary>Builds the app; <paramref name="configure"/> overrides the <c>Territory</c> configuration section.</summary>
    /// <param name="args">Command-line arguments (<c>--project</c>, <c>--port</c>, <c>--host</c>).</param>
    /// <param name="configure">Overrides of the options.</param>
    /// <param name="ct">Stops the project's load (read, travel review, analysis): Ctrl+C during start-up.</param>
    /// <exception cref="WebStartupException">The project is missing or unreadable.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while loading.</exception>
    public static WebApplication Build(string[] args, Action<WebOptions>? configure = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--project"] = "Territory:Project",
            ["--port"] = "Territory:Port",
            ["--host"] = "Territory:Host",
        });
        var options = builder.Configuration.GetSection("Territory").Get<WebOptions>() ?? new WebOptions();
        configure?.Invoke(options);
        if (string.IsNullOrWhiteSpace(options.Project))
            throw new WebStartupException(Message.Of("web_no_project"));
        if (!Territory.Store.ProjectStores.Exists(options.Project))
            throw new WebStartupException(Message.Of("web_project_missing", ("project", Territory.Store.ProjectStores.Display(options.Project))));

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(ParseAddress(options.Host), options.Port);
            // The multipart limit below reports 413; this one stops a body far beyond it early.
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + 1024 * 1024;
            // Above RequestGuard.MaxUrlLength, so that an over-long URL gets our 414 ProblemDetails rather than Kestrel's bare one.
            kestrel.Limits.MaxRequestLineSize = 4 * RequestGuard.MaxUrlLength;
            kestrel.Limits.MaxRequestHeadersTotalSize = 4 * RequestGuard.MaxUrlLength + 32 * 1024;
        });
        // The Host header is checked by RequestGuard (a ProblemDetails answer), not by the framework's bare 400.
        builder.Configuration["AllowedHosts"] = "*";
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ProgressHub>();
        builder.Services.AddTerritoryAuth(options);
        builder.Services.AddSingleton<ProjectSession>();
        builder.Services.AddSingleton<IsochroneService>();
        builder.Services.AddSingleton<PlanningJobs>();
        builder.Services.AddSingleton(options.Tiles);
        builder.Services.AddSingleton<Tiles.TileSource>();
        builder.Services.AddSingleton<Tiles.TilePreparation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Tiles.TilePreparation>());
        builder.Services.AddHostedService<ProjectWatcher>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddProblemDetails(p => p.CustomizeProblemDetails = ProblemTexts.Fill);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => GeoJson.Configure(json.SerializerOptions));
        builder.Services.AddResponseCompression(c =>
        {
            c.Providers.Add<GzipCompressionProvider>();
            c.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(g => g.Level = CompressionLevel.Fastest);

        var app = builder.Build();
        // Off this computer the map is for several people: never without sign-in (checked before the long load).
        if (!app.Services.GetRequiredService<UserDirectory>().SignInPossible)
            throw new WebStartupException(Message.Of("auth_needed_off_loopback", ("host", options.Host)));
        // Load (and analyse) the project before listening, or beside the host's start (territory serve, which waits for
        // the load before saying the map is ready and stops on its failure): a broken project fails at start, not at the first click.
        var session = app.Services.GetRequiredService<ProjectSession>();
        if (options.ListenBeforeLoad)
            _ = Task.Run(() => session.Load(ct), CancellationToken.None); // its failure is session.Ready's
        else
            session.Load(ct);

        app.UseMiddleware<RequestGuard>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<LoadGate>();
        app.UseResponseCompression();
        app.UseTerritoryAuth(options);
        app.UseMiddleware<MutationGuard>();
        app.UseMiddleware<VersionHeader>();
        ClientAppFiles.Use(app);
        app.MapOpenApi();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapProjectApi();
        app.MapMessagesApi();
        app.MapLayersApi();
        app.MapDetailsApi();
        app.MapIsochronesApi();
        app.MapSearchApi();
        app.MapScenarioApi();
        app.MapScenariosApi();
        app.MapPlanningApi();
        app.MapImportApi();
        app.MapSessionApi();
        app.MapExportApi();
        app.MapEventsApi();
        app.MapTilesApi();
        ClientAppFiles.MapFallback(app);
        return app;
    }

    private static IPAddress ParseAddress(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        _ when IPAddress.TryParse(host, out var a) => a,
        _ => throw new WebStartupException(Message.Of("web_listen_address_invalid", ("host", host))),
    };
}
