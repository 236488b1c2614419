using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Territory.Cli.Infrastructure;
using Territory.Core.Analysis;
using Territory.Core.Typology;
using Territory.Demo;
using Territory.IO.Export;
using Territory.IO.GeoPackage;
using Territory.Store;
using Territory.IO.Travel;
using Territory.Routing.Osm;
using Territory.Routing.Review;
using Territory.Web.Auth;
using Territory.Web.Hosting;
using Territory.Web.State;
using Territory.Core.Messages;
using Microsoft.Extensions.DependencyInjection;
using Territory.Store.GeoPackage;
using Territory.Store.Results;
using Territory.Routing.Algorithms;

namespace Territory.Cli.Commands;

/// <summary><c>territory serve P.gpkg [--port N]</c> or <c>territory serve --demo</c>: the interactive map in the browser.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var project = new Argument<string?>("PROJECT") { Description = console.T("cli_serve_project", ("forms", CommonOptions.ProjectForms(console))), Arity = ArgumentArity.ZeroOrOne, HelpName = console.T("cli_value_location") };
        var port = new Option<int>("--port") { Description = console.T("cli_serve_port"), DefaultValueFactory = _ => WebOptions.DefaultPort, HelpName = "N" };
        var host = new Option<string>("--host") { Description = console.T("cli_serve_host"), DefaultValueFactory = _ => "127.0.0.1", HelpName = console.T("cli_value_address") };
        var demo = new Option<bool>("--demo") { Description = console.T("cli_serve_demo") };
        var output = new Option<DirectoryInfo?>("--out") { Description = console.T("cli_serve_out"), HelpName = console.T("cli_value_dir") };
        var basemap = new Option<string>("--basemap") { Description = console.T("cli_serve_basemap"), DefaultValueFactory = _ => "none", HelpName = "none|osm|ign-plan|ign-ortho" };
        basemap.AcceptOnlyFromAmong("none", "osm", "ign-plan", "ign-ortho");
        var maxUpload = new Option<int>("--max-upload-mb") { Description = console.T("cli_serve_max_upload"), DefaultValueFactory = _ => 100, HelpName = "N" };
        var idleHours = new Option<double>("--session-idle-hours") { Description = console.T("serve_idle_hours_help"), DefaultValueFactory = _ => 8, HelpName = "H" };
        var command = new Command("serve", console.T("cli_serve_description"))
        {
            project, port, host, demo, output, basemap, maxUpload, idleHours,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            string path;
            if (parse.GetValue(demo))
            {
                var dir = parse.GetValue(output)?.FullName ?? Path.GetFullPath("territory-demo");
                path = PrepareDemo(console, dir, cancel.Token);
            }
            else
            {
                var file = parse.GetValue(project) ?? throw new CliUserException("cli_serve_project_missing");
                path = CommonOptions.ExistingProject(file);
            }
            if (parse.GetValue(maxUpload) is < 1 or > 4096)
                throw new CliUserException("cli_serve_max_upload_range");
            if (parse.GetValue(idleHours) is < 0 or > 24 * 365 or double.NaN)
                throw new CliUserException("serve_idle_hours_range");
            WebApplication app;
            try
            {
                // Each stage of the load is printed as it starts: a large project takes tens of seconds before the map listens.
                var loading = System.Diagnostics.Stopwatch.StartNew();
                app = TerritoryWebApp.Build([], o =>
                {
                    o.Project = path;
                    o.Port = parse.GetValue(port);
                    o.Host = parse.GetValue(host)!;
                    o.DefaultBasemap = parse.GetValue(basemap)!;
                    o.MaxUploadBytes = parse.GetValue(maxUpload) * 1024L * 1024;
                    o.SessionIdleTime = TimeSpan.FromHours(parse.GetValue(idleHours));
                    // The web host starts beside the project's load; the map is said ready once the load is done.
                    o.ListenBeforeLoad = true;
                    o.StartupStage = stage =>
                    {
                        console.Out.WriteLine(console.T("cli_serve_stage", ("seconds", loading.Elapsed.TotalSeconds), ("text", stage)));
                        console.Out.Flush();
                    };
                }, cancel.Token); // Ctrl+C or SIGTERM while loading stops at once (exit 130)
            }
            catch (WebStartupException e)
            {
                throw new CliUserException(e.Reason);
            }
            try
            {
                app.StartAsync(cancel.Token).GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                throw new CliUserException("cli_serve_listen_failed", ("address", $"{parse.GetValue(host)}:{parse.GetValue(port)}"), ("detail", e.Message),
                    ("port", (WebOptions.DefaultPort + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            try
            {
                // A failed or interrupted load stops the server with its reason, as a load before listening did.
                app.Services.GetRequiredService<ProjectSession>().Ready.GetAwaiter().GetResult();
            }
            catch
            {
                app.StopAsync().GetAwaiter().GetResult();
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
            var url = app.Urls.First().Replace("0.0.0.0", "localhost", StringComparison.Ordinal);
            console.Out.WriteLine(console.T("cli_serve_url", ("project", ProjectStores.IsUri(path) ? ProjectStores.NameOf(path) : Path.GetFileName(path)), ("url", url)));
            // Listening on every address: the others reach it by this machine's name (or through the HTTPS proxy).
            if (parse.GetValue(host) is "0.0.0.0" or "::")
                console.Out.WriteLine(console.T("serve_network_url", ("url", new UriBuilder(url) { Host = System.Net.Dns.GetHostName() }.Uri.ToString().TrimEnd('/'))));
            if (app.Services.GetRequiredService<UserDirectory>().SignInRequired)
                console.Out.WriteLine(console.T("auth_serve_sign_in"));
            console.Out.WriteLine(console.T("cli_serve_stop_hint"));
            console.Out.Flush();
            try
            {
                app.WaitForShutdownAsync(cancel.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
            app.StopAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Generates the demo project into <paramref name="dir"/>, builds its roads (with the contraction hierarchy from
    /// <see cref="TravelTimeMatrix.HierarchyMinNodes"/> nodes, as <c>roads build</c>), reviews travel times, analyses
    /// it and stores the results and layers, so that the server starts from the stored analysis.
    /// </summary>
    internal static string PrepareDemo(CliConsole console, string dir, CancellationToken ct, int? estates = null)
    {
        Directory.CreateDirectory(dir);
        var written = ProgressDisplay.Run(console, false, console.T("cli_progress_demo"), _ => DemoProjectWriter.Write(DemoGenerator.Generate(2154, estates), dir));
        var built = ProgressDisplay.Run(console, false, console.T("cli_progress_roads", ("file", Path.GetFileName(written.Roads)), ("mb", new FileInfo(written.Roads).Length / 1e6)), progress => OsmRoadGraphLoader.Load(written.Roads, null, progress, ct));
        if (built.Graph.NodeCount >= TravelTimeMatrix.HierarchyMinNodes)
            built.Graph.AttachHierarchy(ProgressDisplay.Run(console, false, console.T("cli_progress_hierarchy", ("nodes", built.Graph.NodeCount)),
                progress => ContractionHierarchy.Build(built.Graph, progress, ct)));
        using var store = ProjectStores.Open(written.Project);
        store.SaveRoadGraph(built.Graph, ct);
        var data = ProjectData.Read(store);
        var config = TypologyConfig.Default;
        var keys = AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(built.Graph), config);
        var outcome = ProgressDisplay.Run(console, false, console.T("cli_progress_travel", ("agencies", data.Agencies.Count), ("estates", data.Estates.Count)),
            progress => ProjectAnalysis.Run(store, data, built.Graph, keys, config, progress, ct));
        store.WriteDerived(data.DataVersion, sink =>
        {
            if (outcome.Review is not null)
                TravelReviewLayers.Write(sink, data.WorkingCrs, data.Estates, data.Agencies, outcome.Review, ct);
            AnalysisLayers.Write(sink, outcome.Analysis, ct);
        }, ct);
        console.Out.WriteLine(console.T("cli_serve_demo_ready", ("path", written.Project), ("estates", written.Estates), ("agencies", written.Agencies), ("communes", written.Communes)));
        return written.Project;
    }
}
