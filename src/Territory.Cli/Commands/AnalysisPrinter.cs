using Territory.Cli.Infrastructure;
using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Typology;
using Territory.Store.Results;

namespace Territory.Cli.Commands;

/// <summary>Prints an analysis: the contract JSON, or a French summary.</summary>
internal static class AnalysisPrinter
{
    public static void Print(CliConsole console, bool json, AnalysisResult result, bool roads, IReadOnlyList<string> files, ProjectAnalysisOutcome? outcome = null)
    {
        var counts = TerritoryTypes.All.ToDictionary(t => t.Code(), t => result.Territories.Count(x => x.Type == t));
        var timed = result.Territories.Count(t => t.Indicators.MeanTravelMinutes is not null);
        var estimated = result.Territories.Count(t => t.Indicators.TravelEstimated);
        // « estimé » whenever any time is estimated; « réseau routier » only when every time comes from it.
        var lang = console.Lang;
        var headline = timed == 0 ? "none" : estimated == 0 && roads ? "road_network" : roads ? "mixed" : "straight_line_estimate";
        var own = result.OwnCaretaking;
        if (json)
        {
            JsonOutput.Write(console, new
            {
                travel = roads ? "road_network" : "straight_line_estimate",
                travel_estimated_territories = estimated,
                travel_estimated = result.TravelEstimated,
                organisation = result.OwnLandlord,
                territories = result.Territories.Select(t => AnalysisJson.Territory(t, lang)),
                counts,
                staff = AnalysisJson.Staff(result.Staff),
                types = result.Types.Select(s => new
                {
                    type = s.Type.Code(),
                    territories = s.Territories,
                    dwellings = s.Dwellings,
                    own_dwellings = s.OwnDwellings,
                    staff = AnalysisJson.Staff(s.Staff),
                    caretaking_required_fte = Math.Round(s.CaretakingRequiredFte, 2),
                    caretaking_deficit_fte = Math.Round(s.CaretakingDeficitFte, 2),
                }),
                caretaking = new
                {
                    ensembles = result.Ensembles.Count(e => e.Landlord == result.OwnLandlord),
                    applicable = result.Ensembles.Count(e => e.Landlord == result.OwnLandlord && e.Applies),
                    in_deficit = own.EnsemblesInDeficit,
                    to_check = result.Ensembles.Count(e => e.Landlord == result.OwnLandlord && e.Status == CaretakingStatus.ToCheck),
                    not_assessable_dwellings = own.NotAssessableDwellings,
                    not_assessable_dwellings_all_landlords = result.Caretaking.Sum(l => l.NotAssessableDwellings),
                    to_check_dwellings_all_landlords = result.Caretaking.Sum(l => l.ToCheckDwellings),
                    required_fte = Math.Round(own.RequiredFte, 2),
                    declared_fte = Math.Round(own.DeclaredFte, 2),
                    deficit_fte = Math.Round(own.DeficitFte, 2),
                    landlords = result.Caretaking.Select(l => AnalysisJson.Landlord(l, lang)),
                },
                agencies = result.Agencies.Select(a => new
                {
                    id = a.Agency.Id,
                    name = a.Agency.Name,
                    kind = a.Agency.Kind.ToString(),
                    management_model = new
                    {
                        model = a.Management.Model,
                        transition = a.Management.Transition,
                        description = a.Management.Description.Render(lang),
                    },
                    perimeter_model = a.Agency.PerimeterModel,
                    perimeter = a.PerimeterLabel.Render(lang),
                    managed_dwellings = a.ManagedDwellings,
                    dwellings_per_site_agent = a.DwellingsPerSiteAgent is double d ? Math.Round(d, 0) : (double?)null,
                    staff = AnalysisJson.Staff(a.Staff),
                    flags = a.Flags.Select(f => AnalysisJson.Text(f, lang)),
                }),
                notes = result.Notes.Select(n => AnalysisJson.Text(n, lang)),
                stored = outcome is null ? null : new
                {
                    review_reused = outcome.ReviewReused,
                    analysis_reused = outcome.AnalysisReused,
                    changed = outcome.Changed,
                    note = AnalysisJson.Text(StoredAnalysisNote.Of(outcome), lang),
                },
                files,
            });
            return;
        }
        var o = console.Out;
        o.WriteLine(console.T("cli_analyse_headline_" + headline, ("count", result.Territories.Count), ("estimated", estimated)));
        foreach (var s in result.Types)
            o.WriteLine($"  {TypeLabel(console, s.Type),-50} {console.T("cli_analyse_type_counts", ("territories", s.Territories), ("dwellings", s.Dwellings))}");
        var applicable = result.Ensembles.Where(e => e.Landlord == result.OwnLandlord).ToList();
        o.WriteLine(console.T("cli_heading_value", ("heading", Message.Of("caretaking_heading")), ("value", Message.Of("caretaking_summary", ("applicable", applicable.Count(e => e.Applies)),
            ("deficit", own.EnsemblesInDeficit), ("required", own.RequiredFte), ("declared", own.DeclaredFte), ("missing", own.DeficitFte),
            ("to_check", applicable.Count(e => e.Status == CaretakingStatus.ToCheck)), ("not_assessable", own.NotAssessableDwellings)))));
        var actions = result.Territories.SelectMany(t => t.Plan.Where(p => p.Status.IsAction()).Select(p => (t, p)))
            .OrderBy(x => x.p.Legal ? 0 : 1).ThenByDescending(x => x.p.DwellingsConcerned).ToList();
        o.WriteLine($"{Catalogue.Text(lang, "plan_action_heading")} ({actions.Count})");
        foreach (var (t, p) in actions.Take(10))
            o.WriteLine($"  {t.Name,-40} " + console.T("cli_analyse_action", ("form", Message.Of(p.Form.LabelCode())), ("status", Message.Of(p.Status.LabelCode())), ("reason", p.Reason)));
        if (actions.Count > 10)
            o.WriteLine("  " + console.T("cli_analyse_more_actions", ("count", actions.Count - 10)));
        foreach (var note in result.Notes)
            o.WriteLine(console.T("cli_note", ("text", note)));
        if (outcome is not null)
            o.WriteLine(StoredAnalysisNote.Of(outcome).Render(lang));
        foreach (var f in files)
            o.WriteLine(console.T("cli_written", ("path", f)));
    }

    private static string TypeLabel(CliConsole console, TerritoryType type) =>
        console.T("territory_type_" + type.Code());
}
