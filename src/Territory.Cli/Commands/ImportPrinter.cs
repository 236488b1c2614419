using Territory.Cli.Infrastructure;
using Territory.IO.Import;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary>Prints an import's outcome: the contract JSON (codes and rendered reasons), or a summary for people.</summary>
internal static class ImportPrinter
{
    private const int IssuesShown = 15;

    public static void Print(CliConsole console, bool json, ImportResult result, LayerWriteOutcome outcome, string reportPath, OverlapCheck? overlap = null)
    {
        var overlapText = overlap?.Reason is { } reason ? console.T(reason) : null;
        var layer = outcome.Table;
        var mode = outcome.Mode.ToString().ToLowerInvariant();
        if (json)
        {
            JsonOutput.Write(console, new
            {
                read = result.Read,
                accepted = result.Accepted,
                rejected = result.Rejected,
                repaired = result.Repaired,
                warnings = result.Warnings,
                layer,
                mode,
                crs = $"EPSG:{result.SourceCrs}",
                working_crs = $"EPSG:{outcome.WorkingCrs}",
                written = outcome.Written,
                duplicates_skipped = outcome.DuplicatesSkipped,
                count_after = outcome.CountAfter,
                estates_updated = outcome.EstatesUpdated,
                mapping = result.Mapping,
                report = reportPath,
                overlap = overlap is null || overlap.Verdict == OverlapVerdict.Unchecked ? null : new
                {
                    verdict = overlap.Verdict.ToString().ToLowerInvariant(),
                    covered = overlap.Covered,
                    total = overlap.Total,
                    code = overlap.Reason?.Code,
                    reason = overlapText,
                },
                issues = result.Issues.Take(200).Select(i => new
                {
                    row = i.Row,
                    field = i.Field,
                    severity = ImportTexts.SeverityCode(i.Severity),
                    code = i.Code,
                    reason = i.Render(console.Lang),
                }),
            });
            return;
        }

        var o = console.Out;
        o.WriteLine(console.T("cli_import_heading", ("file", Path.GetFileName(result.SourcePath)), ("layer", layer), ("mode", ImportTexts.WriteMode(mode))));
        o.WriteLine("  " + console.T("cli_import_crs_line", ("source", $"EPSG:{result.SourceCrs}"), ("project", $"EPSG:{outcome.WorkingCrs}")));
        o.WriteLine("  " + console.T("cli_import_mapping_heading"));
        foreach (var (target, column) in result.Mapping.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            o.WriteLine($"    {ImportTexts.Field(target, console.Lang),-22} ← {column}");
        o.WriteLine("  " + console.T("cli_import_counts", ("read", result.Read), ("accepted", result.Accepted), ("rejected", result.Rejected), ("repaired", result.Repaired)));
        if (outcome.DuplicatesSkipped > 0)
            o.WriteLine("  " + console.T("cli_import_duplicates_skipped", ("count", outcome.DuplicatesSkipped), ("keys", string.Join(", ", outcome.DuplicateKeys))));
        if (outcome.EstatesUpdated > 0)
            o.WriteLine("  " + console.T("cli_import_estates_updated", ("count", outcome.EstatesUpdated)));
        o.WriteLine("  " + console.T("cli_import_layer_count", ("layer", layer), ("before", outcome.CountBefore), ("after", outcome.CountAfter)));
        foreach (var issue in result.Issues.Take(IssuesShown))
        {
            var where = issue.Field is null
                ? console.T("cli_import_issue_row", ("row", issue.Row))
                : console.T("cli_import_issue_row_field", ("row", issue.Row), ("field", ImportTexts.Field(issue.Field, console.Lang)));
            o.WriteLine("  " + console.T("cli_import_issue_line", ("severity", ImportTexts.Severity(issue.Severity)), ("where", where), ("reason", issue.Render(console.Lang))));
        }
        if (result.IssueCount > IssuesShown)
            o.WriteLine("  " + console.T("cli_import_more_issues", ("count", result.IssueCount - IssuesShown)));
        o.WriteLine("  " + console.T("cli_import_report_path", ("path", reportPath)));
        if (overlap is { Verdict: OverlapVerdict.Partial or OverlapVerdict.Insufficient, Reason: { } partial })
            console.Error.WriteLine(console.T("cli_overlap_partial", ("reason", partial)));
    }
}
