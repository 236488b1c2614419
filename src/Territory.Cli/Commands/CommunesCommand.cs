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
        var command = new Command("communes", "Couche communes : compléter population et niveau de densité depuis des fichiers de référence.");
        command.Add(Enrich(console));
        return command;
    }

    private static Command Enrich(CliConsole console)
    {
        var project = CommonOptions.Project();
        var from = new Option<FileInfo[]>("--from")
        {
            Description = "Fichier de référence : communes.json (@etalab/decoupage-administratif) ou CSV INSEE (code_insee/codgeo, population/pmun/ptot, grille_densite). Répétable ; le premier fichier qui donne une valeur l'emporte.",
            Required = true,
        };
        var overwrite = new Option<bool>("--overwrite") { Description = "Remplace les valeurs déjà présentes dans le projet (par défaut elles sont conservées)." };
        var json = CommonOptions.Json();
        var command = new Command("enrich", "Complète la population et le niveau de densité INSEE des communes du projet, par code INSEE.")
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
                sources.Add(ProgressDisplay.Run(console, asJson, $"Lecture de {file.Name}", _ => CommunePopulationSource.Read(file.FullName, cancel.Token)));

            using var store = GeoPackageProjectStore.Open(path);
            var communes = store.ReadCommunes();
            if (communes.Count == 0 || store.WorkingCrs is not int crs)
                throw new CliUserException($"le projet {path} n'a pas de communes : importer d'abord la couche (territory import FICHIER --into {Path.GetFileName(path)} --as communes).");
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
                outcome = ProgressDisplay.Run(console, asJson, "Écriture dans le projet", _ => store.ImportLayer(result, new LayerWriteOptions { AllowShrink = true, Source = result.SourcePath, Author = UsersCommand.Actor }, cancel.Token));
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
                issues = issues.Take(IssuesListed).Select(i => new { file = i.File, row = i.Row, code = i.Code, message = i.Message }),
            });
            return;
        }
        var o = console.Out;
        foreach (var s in sources)
            o.WriteLine($"Référence {Path.GetFileName(s.Path)} : {s.Rows.Count} communes lues{(s.SkippedRows > 0 ? $", {s.SkippedRows} lignes écartées (communes déléguées ou associées)" : "")}{(s.Issues.Count > 0 ? $", {s.Issues.Count} lignes en anomalie" : "")}.");
        o.WriteLine($"Communes du projet : {merge.Communes.Count} — reconnues {merge.Matched}{(merge.MatchedViaParent > 0 ? $" (dont {merge.MatchedViaParent} arrondissements par leur commune)" : "")}, non reconnues {merge.Unmatched}.");
        if (merge.Unmatched > 0)
            o.WriteLine($"  Codes non reconnus : {string.Join(", ", merge.UnmatchedCodes)}{(merge.Unmatched > merge.UnmatchedCodes.Count ? ", …" : "")}");
        o.WriteLine($"Population : {merge.PopulationsFilled} complétées, {merge.PopulationsOverwritten} remplacées, {merge.PopulationsKept} conservées (différentes de la référence).");
        o.WriteLine($"Niveau de densité : {merge.DensityLevelsFilled} complétés, {merge.DensityLevelsOverwritten} remplacés, {merge.DensityLevelsKept} conservés (différents de la référence).");
        if (merge.PopulationsKept + merge.DensityLevelsKept > 0 && !overwrite)
            o.WriteLine("  Utiliser --overwrite pour remplacer les valeurs conservées.");
        o.WriteLine($"Codes de référence absents du projet : {merge.SourceCodesUnknown}.");
        foreach (var i in issues.Take(10))
            o.WriteLine($"  {i.File} ligne {i.Row}{(i.Code is null ? "" : $" ({i.Code})")} : {i.Message}");
        if (issues.Count > 10)
            o.WriteLine($"  … {issues.Count - 10} autres anomalies (voir --json).");
        o.WriteLine(outcome is null
            ? "Aucune valeur à changer : le projet n'a pas été modifié."
            : $"Projet mis à jour : {merge.Changed} communes modifiées{(outcome.Enrichment is not null ? $", rattachement des programmes recalculé ({outcome.EstatesUpdated} modifiés)" : "")}.");
    }
}
