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
using Territory.Web.Hosting;
using Territory.Store.GeoPackage;
using Territory.Store.Results;
using Territory.Routing.Algorithms;

namespace Territory.Cli.Commands;

/// <summary><c>territory serve P.gpkg [--port N]</c> or <c>territory serve --demo</c>: the interactive map in the browser.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var project = new Argument<FileInfo?>("PROJECT") { Description = "Projet GeoPackage (.gpkg) à ouvrir ; omis avec --demo.", Arity = ArgumentArity.ZeroOrOne };
        var port = new Option<int>("--port") { Description = "Port d'écoute (0 : un port libre).", DefaultValueFactory = _ => WebOptions.DefaultPort };
        var host = new Option<string>("--host")
        {
            Description = "Adresse d'écoute ; 127.0.0.1 par défaut (ce poste seulement). 0.0.0.0 ouvre la carte au réseau, sans authentification.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var demo = new Option<bool>("--demo") { Description = "Génère le projet de démonstration (réseau routier, temps de trajet, typologie) puis l'ouvre." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Avec --demo : dossier du projet généré (défaut : ./territory-demo)." };
        var basemap = new Option<string>("--basemap") { Description = "Fond de carte initial : none (hors ligne), osm, ign-plan, ign-ortho.", DefaultValueFactory = _ => "none" };
        basemap.AcceptOnlyFromAmong("none", "osm", "ign-plan", "ign-ortho");
        var maxUpload = new Option<int>("--max-upload-mb") { Description = "Taille maximale d'un fichier importé par glisser-déposer, en Mo.", DefaultValueFactory = _ => 100 };
        var command = new Command("serve", "Ouvre la carte interactive (navigateur) : typologie, temps de trajet, recommandations, scénarios, imports et exports.")
        {
            project, port, host, demo, output, basemap, maxUpload,
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
                var file = parse.GetValue(project) ?? throw new CliUserException("indiquer le projet : territory serve P.gpkg (ou territory serve --demo).");
                path = CommonOptions.ExistingProject(file);
            }
            if (parse.GetValue(maxUpload) is < 1 or > 4096)
                throw new CliUserException("--max-upload-mb : entre 1 et 4096.");
            WebApplication app;
            try
            {
                app = ProgressDisplay.Run(console, false, "Chargement et analyse du projet", _ => TerritoryWebApp.Build([], o =>
                {
                    o.Project = path;
                    o.Port = parse.GetValue(port);
                    o.Host = parse.GetValue(host)!;
                    o.DefaultBasemap = parse.GetValue(basemap)!;
                    o.MaxUploadBytes = parse.GetValue(maxUpload) * 1024L * 1024;
                }, cancel.Token)); // Ctrl+C or SIGTERM while loading stops at once (exit 130)
            }
            catch (WebStartupException e)
            {
                throw new CliUserException(e.Message);
            }
            try
            {
                app.StartAsync(cancel.Token).GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                throw new CliUserException($"impossible d'écouter sur {parse.GetValue(host)}:{parse.GetValue(port)} ({e.Message}) ; essayer --port {WebOptions.DefaultPort + 1}.");
            }
            var url = app.Urls.First().Replace("0.0.0.0", "localhost", StringComparison.Ordinal);
            console.Out.WriteLine($"Carte de {Path.GetFileName(path)} : {url}");
            if (parse.GetValue(host) is not ("127.0.0.1" or "localhost" or "::1"))
                console.Error.WriteLine("Attention : la carte est ouverte au réseau, sans authentification.");
            console.Out.WriteLine("Ctrl+C pour arrêter.");
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
        var written = ProgressDisplay.Run(console, false, "Projet de démonstration", _ => DemoProjectWriter.Write(DemoGenerator.Generate(2154, estates), dir));
        var built = ProgressDisplay.Run(console, false, "Graphe routier OpenStreetMap", progress => OsmRoadGraphLoader.Load(written.Roads, null, progress, ct));
        if (built.Graph.NodeCount >= TravelTimeMatrix.HierarchyMinNodes)
            built.Graph.AttachHierarchy(ProgressDisplay.Run(console, false, "Hiérarchie de contraction",
                progress => ContractionHierarchy.Build(built.Graph, progress, ct)));
        ProjectRoadGraph.Save(built.Graph, written.Project);
        using var store = GeoPackageProjectStore.Open(written.Project);
        var data = ProjectData.Read(store);
        var config = TypologyConfig.Default;
        var keys = AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(ProjectRoadGraph.PathFor(written.Project)), config);
        var outcome = ProgressDisplay.Run(console, false, "Temps de trajet et typologie des territoires",
            progress => ProjectAnalysis.Run(store, data, built.Graph, keys, config, progress, ct));
        store.WriteDerived(data.DataVersion, sink =>
        {
            if (outcome.Review is not null)
                TravelReviewLayers.Write(sink, data.WorkingCrs, data.Estates, data.Agencies, outcome.Review, ct);
            AnalysisLayers.Write(sink, outcome.Analysis, ct);
        }, ct);
        console.Out.WriteLine($"Projet de démonstration : {written.Project} ({written.Estates} résidences, {written.Agencies} agences, {written.Communes} communes)");
        return written.Project;
    }
}
