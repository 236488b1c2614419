using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.IO.GeoPackage;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory traveltimes P.gpkg [--out DIR]</c>: the per-agency travel review.</summary>
internal static class TravelTimesCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var output = new Option<DirectoryInfo?>("--out") { Description = console.T("cli_traveltimes_out"), HelpName = console.T("cli_value_dir") };
        var maxSnap = new Option<double>("--max-snap") { Description = console.T("cli_traveltimes_max_snap"), DefaultValueFactory = _ => 500, HelpName = console.T("cli_value_metres") };
        var json = CommonOptions.Json(console);
        var command = new Command("traveltimes", console.T("cli_traveltimes_description")) { project, output, maxSnap, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            using var store = GeoPackageProjectStore.Open(path);
            var estates = store.ReadEstates();
            var agencies = store.ReadAgencies();
            if (estates.Count == 0 || agencies.Count == 0)
                throw new CliUserException("cli_traveltimes_needs_layers");
            var graph = ProjectRoadGraph.TryLoad(path);
            var options = new ReviewOptions { MaxSnapDistanceMeters = parse.GetValue(maxSnap) };
            var review = ProgressDisplay.Run(console, asJson, console.T("cli_progress_travel"),
                progress => AgencyTravelReview.Compute(estates, agencies, store.WorkingCrs!.Value, graph, options, progress, cancel.Token));
            TravelReviewLayers.Write(store, store.WorkingCrs!.Value, estates, agencies, review, cancel.Token);
            var files = parse.GetValue(output) is { } dir ? TravelReviewCsv.Write(dir.FullName, estates, agencies, review) : [];
            TravelReviewPrinter.Print(console, asJson, review, agencies, files);
            return 0;
        }));
        return command;
    }
}
