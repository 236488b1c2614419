using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.IO.GeoPackage;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store.GeoPackage;
using Territory.Store;
using Territory.Store.Results;
using Territory.Core.Typology;

namespace Territory.Cli.Commands;

/// <summary><c>territory traveltimes P.gpkg [--out DIR]</c>: the per-agency travel review.</summary>
internal static class TravelTimesCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Dossier des fichiers CSV (temps-residences.csv, temps-agences.csv)." };
        var maxSnap = new Option<double>("--max-snap") { Description = "Distance maximale résidence → route, en mètres (au-delà : non joignable).", DefaultValueFactory = _ => 500 };
        var json = CommonOptions.Json();
        var command = new Command("traveltimes", "Temps de trajet voiture agence → résidences : revue par agence, résidences mal desservies.") { project, output, maxSnap, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            using var store = GeoPackageProjectStore.Open(path);
            var data = ProjectData.Read(store); // the version is read before the layers: the results describe it
            var (version, estates, agencies) = (data.DataVersion, data.Estates, data.Agencies);
            if (estates.Count == 0 || agencies.Count == 0)
                throw new CliUserException("il faut des résidences et des agences dans le projet (territory import … --as estates / --as agencies).");
            var graph = ProjectRoadGraph.TryLoad(path);
            var options = new ReviewOptions { MaxSnapDistanceMeters = parse.GetValue(maxSnap) };
            // With the default snap distance the review is the one `analyse` and the map compute: read it from the project, or store it.
            var keys = options.MaxSnapDistanceMeters == new ReviewOptions().MaxSnapDistanceMeters
                ? AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(ProjectRoadGraph.PathFor(path)), TypologyConfig.Default)
                : null;
            var review = ProgressDisplay.Run(console, asJson, "Temps de trajet agences → résidences", progress => keys is null
                ? AgencyTravelReview.Compute(estates, agencies, data.WorkingCrs, graph, options, progress, cancel.Token)
                : ProjectAnalysis.Review(store, data, graph, keys, progress, cancel.Token).Review!);
            store.WriteDerived(version, sink => TravelReviewLayers.Write(sink, store.WorkingCrs!.Value, estates, agencies, review, cancel.Token), cancel.Token);
            var files = parse.GetValue(output) is { } dir ? TravelReviewCsv.Write(dir.FullName, estates, agencies, review) : [];
            TravelReviewPrinter.Print(console, asJson, review, agencies, files);
            return 0;
        }));
        return command;
    }
}
