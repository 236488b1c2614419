using Territory.Cli.Infrastructure;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary>Prints an import's outcome: the contract JSON, or a French summary for people.</summary>
internal static class ImportPrinter
{
    private const int IssuesShown = 15;

    public static void Print(CliConsole console, bool json, ImportResult result, LayerWriteOutcome outcome, string reportPath)
    {
        var layer = outcome.Table;
        if (json)
        {
            JsonOutput.Write(console, new
            {
                read = result.Read,
                accepted = result.Accepted,
                rejected = result.Rejected,
                repaired = result.Repaired,
                warnings = result.Issues.Count(i => i.Severity == ImportIssueSeverity.Warning),
                layer,
                mode = outcome.Mode.ToString().ToLowerInvariant(),
                crs = $"EPSG:{result.SourceCrs}",
                working_crs = $"EPSG:{outcome.WorkingCrs}",
                written = outcome.Written,
                duplicates_skipped = outcome.DuplicatesSkipped,
                count_after = outcome.CountAfter,
                estates_updated = outcome.EstatesUpdated,
                mapping = result.Mapping,
                report = reportPath,
                issues = result.Issues.Take(200).Select(i => new { row = i.Row, field = i.Field, severity = i.Severity.ToString().ToLowerInvariant(), reason = i.Reason }),
            });
            return;
        }

        var o = console.Out;
        o.WriteLine($"Import de {Path.GetFileName(result.SourcePath)} → couche « {layer} » ({ModeLabel(outcome.Mode)})");
        o.WriteLine($"  SCR source : EPSG:{result.SourceCrs} ; SCR du projet : EPSG:{outcome.WorkingCrs}");
        o.WriteLine("  Correspondance des champs utilisée :");
        foreach (var (target, column) in result.Mapping.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            o.WriteLine($"    {target,-18} ← {column}");
        o.WriteLine($"  Lus : {result.Read}   acceptés : {result.Accepted}   rejetés : {result.Rejected}   réparés : {result.Repaired}");
        if (outcome.DuplicatesSkipped > 0)
            o.WriteLine($"  Déjà présents (ajout ignoré) : {outcome.DuplicatesSkipped} ({string.Join(", ", outcome.DuplicateKeys)})");
        if (outcome.EstatesUpdated > 0)
            o.WriteLine($"  Patrimoine recalé sur les communes/QPV : {outcome.EstatesUpdated} résidences mises à jour");
        o.WriteLine($"  Couche « {layer} » : {outcome.CountBefore} → {outcome.CountAfter} entités");
        foreach (var issue in result.Issues.Take(IssuesShown))
            o.WriteLine($"  [{SeverityLabel(issue.Severity)}] ligne {issue.Row}{(issue.Field is null ? "" : $", champ {issue.Field}")} : {issue.Reason}");
        if (result.Issues.Count > IssuesShown)
            o.WriteLine($"  … et {result.Issues.Count - IssuesShown} autres lignes dans le rapport");
        o.WriteLine($"  Rapport ligne à ligne : {reportPath}");
    }

    private static string ModeLabel(LayerWriteMode mode) => mode switch
    {
        LayerWriteMode.Created => "créée",
        LayerWriteMode.Replaced => "remplacée",
        LayerWriteMode.Appended => "ajout",
        _ => mode.ToString(),
    };

    private static string SeverityLabel(ImportIssueSeverity s) => s switch
    {
        ImportIssueSeverity.Rejected => "rejetée",
        ImportIssueSeverity.Repaired => "réparée",
        _ => "avertissement",
    };
}
