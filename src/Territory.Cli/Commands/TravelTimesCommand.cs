using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.IO.GeoPackage;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store;
using Territory.Store.Results;
using Territory.Core.Typology;

namespace Territory.Cli.Commands;

/// <summary><c>territory traveltimes P [--out DIR]</c>: the per-agency travel review.</summary>
internal static class TravelTimesCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var output = new Option<DirectoryInfo?>("--out") { Description = console.T("cli_traveltimes_out"), HelpName = console.T("cli_value_dir") };
        var maxSnap = new Option<double>("--max-snap") { Description = console.T("cli_traveltimes_max_snap"), DefaultValueFactory = _ => 500, HelpName = console.T("cli_value_metres") };
        var matrix = new Option<bool>("--matrix") { Description = console.T("cli_traveltimes_matrix", ("rows", TravelReviewCsv.SpreadsheetRows)) };
        var matrixAgency = new Option<string[]>("--matrix-agency") { Description = console.T("cli_traveltimes_matrix_agency"), HelpName = "ID" };
        var allowPartial = CommonOptions.AllowPartial(console);
        var json = CommonOptions.Json(console);
        var command = new Command("traveltimes", console.T("cli_traveltimes_description")) { project, output, maxSnap, matrix, matrixAgency, allowPartial, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var asJson = parse.GetValue(json);
            using var store = ProjectStores.Open(path);
            var data = ProjectData.Read(store); // the version is read before the layers: the results describe it
            var (version, estates, agencies) = (data.DataVersion, data.Estates, data.Agencies);
            if (estates.Count == 0 || agencies.Count == 0)
                throw new CliUserException("cli_traveltimes_needs_layers");
            var graph = store.LoadRoadGraph();
            var options = new ReviewOptions { MaxSnapDistanceMeters = parse.GetValue(maxSnap) };
            // With the default snap distance the review is the one `analyse` and the map compute: read it from the project, or store it.
            var keys = options.MaxSnapDistanceMeters == new ReviewOptions().MaxSnapDistanceMeters
                ? AnalysisInputKeys.Of(data, AnalysisInputKeys.GraphKey(graph), TypologyConfig.Default)
                : null;
            var review = ProgressDisplay.Run(console, asJson, console.T("cli_progress_travel", ("agencies", agencies.Count), ("estates", estates.Count)), progress => keys is null
                ? AgencyTravelReview.Compute(estates, agencies, data.WorkingCrs, graph, options, progress, cancel.Token)
                : ProjectAnalysis.Review(store, data, graph, keys, progress, cancel.Token).Review!);
            // Mostly unreachable estates mean a road network of another area: nothing is written (exit 3) unless --allow-partial.
            var unreachable = review.Estates.Count(e => e.UnreachableReason is not null);
            var figures = new (string, object?)[] { ("unreachable", unreachable), ("estates", estates.Count), ("share", (double)unreachable / estates.Count) };
            if (unreachable * 2 > estates.Count && !parse.GetValue(allowPartial))
                throw new CliPartialException(Message.Of("cli_traveltimes_mostly_unreachable", figures));
            var selected = parse.GetValue(matrixAgency) ?? [];
            foreach (var id in selected.Where(id => !agencies.Any(a => a.Id == id)))
                throw new CliUserException("cli_traveltimes_agency_unknown", ("id", id));
            store.WriteDerived(version, sink => TravelReviewLayers.Write(sink, store.WorkingCrs!.Value, estates, agencies, review, cancel.Token), cancel.Token);
            var files = new List<string>();
            MatrixFiles? matrixFiles = null;
            if (parse.GetValue(output) is { } dir)
            {
                files.AddRange(TravelReviewCsv.Write(dir.FullName, estates, agencies, review, console.Lang));
                // The full agency × estate matrix only on request: it grows as agencies × estates.
                if (parse.GetValue(matrix) || selected.Length > 0)
                {
                    matrixFiles = TravelReviewCsv.WriteMatrix(dir.FullName, review, selected.Length > 0 ? selected : null, console.Lang);
                    files.AddRange(matrixFiles.Paths);
                }
            }
            if (unreachable > 0 && unreachable * 2 > estates.Count)
                console.Error.WriteLine(console.T("cli_traveltimes_partial", figures));
            if (matrixFiles is { Paths.Count: > 1 })
                console.Error.WriteLine(console.T("cli_traveltimes_matrix_split", ("rows", matrixFiles.Rows), ("files", matrixFiles.Paths.Count), ("max", TravelReviewCsv.SpreadsheetRows)));
            TravelReviewPrinter.Print(console, asJson, review, agencies, files);
            return 0;
        }));
        return command;
    }
}
