using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.IO.Reference;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary><c>territory communes enrich P.gpkg --from FILE [--from FILE2 …] [--overwrite] [--json]</c>.</summary>
/// <remarks>
/// Fills the population and INSEE density level of the project's communes by INSEE code. Every
/// reference file is read before the project is opened for writing: an unreadable file is exit 2
/// and the project is untouched. The write replaces the communes layer in one transaction and
/// re-joins the estates.
/// </remarks>
internal static class CommunesCommand
{
    private const int IssuesListed = 50;

    public static Command Create(CliConsole console)
    {
        var command = new Command("communes", console.T("cli_communes_description"));
        command.Add(Enrich(console));
        return command;
    }

    private static Command Enrich(CliConsole console)
    {
        var project = CommonOptions.Project(console);
        var from = new Option<FileInfo[]>("--from") { Description = console.T("cli_communes_from"), Required = true, HelpName = console.T("cli_value_file") };
        var overwrite = new Option<bool>("--overwrite") { Description = console.T("cli_communes_overwrite") };
        var json = CommonOptions.Json(console);
        var command = new Command("enrich", console.T("cli_communes_enrich_description"))
        {
            project, from, overwrite, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var cancel = new Cancellation();
            var path = CommonOptions.ExistingProject(parse.GetValue(project)!);
            var files = parse.GetValue(from) ?? [];
            var asJson = parse.GetValue(json);
            var replace = parse.GetValue(overwrite);
            var sources = new List<CommuneReferenceSource>(files.Length);
            foreach (var file in files)
                sources.Add(ProgressDisplay.Run(console, asJson, console.T("cli_progress_reading", ("file", file.Name)), _ => CommunePopulationSource.Read(file.FullName, cancel.Token)));

            using var store = ProjectStores.Open(path);
            var communes = store.ReadCommunes();
            if (communes.Count == 0 || store.WorkingCrs is not int crs)
                throw new CliUserException("cli_communes_none", ("path", path), ("project", Path.GetFileName(path)));
            var merge = CommuneReferenceMerger.Merge(communes, sources, replace);
            LayerWriteOutcome? outcome = null;
            if (merge.Changed > 0)
            {
                var result = new ImportResult
                {
                    Kind = LayerKind.Communes,
                    SourcePath = string.Join(", ", sources.Select(s => s.Path)),
                    SourceCrs = crs,
                    TargetCrs = crs,
                    Read = merge.Communes.Count,
                    Communes = merge.Communes,
                };
                outcome = ProgressDisplay.Run(console, asJson, console.T("cli_progress_writing"), _ => store.ImportLayer(result, new LayerWriteOptions { AllowShrink = true, Source = result.SourcePath, Author = UsersCommand.Actor }, cancel.Token));
            }
            Print(console, asJson, path, sources, merge, replace, outcome);
            return 0;
        }));
        return command;
    }

    private static void Print(CliConsole console, bool asJson, string path, IReadOnlyList<CommuneReferenceSource> sources,
        CommuneMergeResult merge, bool overwrite, LayerWriteOutcome? outcome)
    {
        var issues = sources.SelectMany(s => s.Issues).ToList();
        if (asJson)
        {
            JsonOutput.Write(console, new
            {
                project = path,
                overwrite,
                sources = sources.Select(s => new
                {
                    path = s.Path,
                    format = s.Format == CommuneReferenceFormat.EtalabJson ? "etalab_json" : "insee_csv",
                    rows = s.Rows.Count,
                    skipped_rows = s.SkippedRows,
                    issues = s.Issues.Count,
                    provides_population = s.ProvidesPopulation,
                    provides_density_level = s.ProvidesDensityLevel,
                }),
                communes = merge.Communes.Count,
                matched = merge.Matched,
                matched_via_parent = merge.MatchedViaParent,
                unmatched = merge.Unmatched,
                unmatched_codes = merge.UnmatchedCodes,
                populations_filled = merge.PopulationsFilled,
                populations_overwritten = merge.PopulationsOverwritten,
                populations_kept = merge.PopulationsKept,
                density_levels_filled = merge.DensityLevelsFilled,
                density_levels_overwritten = merge.DensityLevelsOverwritten,
                density_levels_kept = merge.DensityLevelsKept,
                urban_areas_filled = merge.UrbanAreasFilled,
                source_codes_unknown = merge.SourceCodesUnknown,
                unknown_codes = merge.UnknownCodes,
                duplicate_source_rows = merge.DuplicateSourceRows,
                communes_changed = merge.Changed,
                written = outcome is not null,
                estates_rejoined = outcome?.Enrichment is not null,
                estates_updated = outcome?.EstatesUpdated ?? 0,
                issue_count = issues.Count,
                issues = issues.Take(IssuesListed).Select(i => new { file = i.File, row = i.Row, code = i.Code, reason_code = i.Reason.Code, message = i.Reason.Render(console.Lang) }),
            });
            return;
        }
        var o = console.Out;
        foreach (var s in sources)
        {
            var line = console.T("cli_communes_source", ("file", Path.GetFileName(s.Path)), ("count", s.Rows.Count));
            if (s.SkippedRows > 0)
                line += console.T("cli_communes_source_skipped", ("count", s.SkippedRows));
            if (s.Issues.Count > 0)
                line += console.T("cli_communes_source_issues", ("count", s.Issues.Count));
            o.WriteLine(line + ".");
        }
        o.WriteLine(merge.MatchedViaParent > 0
            ? console.T("cli_communes_matched_parent", ("count", merge.Communes.Count), ("matched", merge.Matched), ("parent", merge.MatchedViaParent), ("unmatched", merge.Unmatched))
            : console.T("cli_communes_matched", ("count", merge.Communes.Count), ("matched", merge.Matched), ("unmatched", merge.Unmatched)));
        if (merge.Unmatched > 0)
            o.WriteLine("  " + console.T("cli_communes_unmatched_codes", ("codes", string.Join(", ", merge.UnmatchedCodes) + (merge.Unmatched > merge.UnmatchedCodes.Count ? ", …" : ""))));
        o.WriteLine(console.T("cli_communes_population", ("filled", merge.PopulationsFilled), ("overwritten", merge.PopulationsOverwritten), ("kept", merge.PopulationsKept)));
        o.WriteLine(console.T("cli_communes_density", ("filled", merge.DensityLevelsFilled), ("overwritten", merge.DensityLevelsOverwritten), ("kept", merge.DensityLevelsKept)));
        if (merge.PopulationsKept + merge.DensityLevelsKept > 0 && !overwrite)
            o.WriteLine("  " + console.T("cli_communes_overwrite_hint"));
        o.WriteLine(console.T("cli_communes_unknown_codes", ("count", merge.SourceCodesUnknown)));
        foreach (var i in issues.Take(10))
            o.WriteLine("  " + console.T("cli_communes_issue", ("file", i.File), ("row", i.Row), ("code", i.Code is null ? "" : $" ({i.Code})"), ("reason", i.Reason)));
        if (issues.Count > 10)
            o.WriteLine("  " + console.T("cli_communes_more_issues", ("count", issues.Count - 10)));
        o.WriteLine(outcome is null
            ? console.T("cli_communes_unchanged")
            : outcome.Enrichment is not null
                ? console.T("cli_communes_updated_rejoined", ("count", merge.Changed), ("estates", outcome.EstatesUpdated))
                : console.T("cli_communes_updated", ("count", merge.Changed)));
    }
}
