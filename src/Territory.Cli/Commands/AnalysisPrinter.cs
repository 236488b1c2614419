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
    private const Lang Lang = Core.Messages.Lang.Fr;

    public static void Print(CliConsole console, bool json, AnalysisResult result, bool roads, IReadOnlyList<string> files, ProjectAnalysisOutcome? outcome = null)
    {
        var counts = TerritoryTypes.All.ToDictionary(t => t.Code(), t => result.Territories.Count(x => x.Type == t));
        var own = result.OwnCaretaking;
        if (json)
        {
            JsonOutput.Write(console, new
            {
                travel = roads ? "road_network" : "straight_line_estimate",
                travel_estimated = result.TravelEstimated,
                organisation = result.OwnLandlord,
                territories = result.Territories.Select(t => AnalysisJson.Territory(t, Lang)),
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
                    landlords = result.Caretaking.Select(l => AnalysisJson.Landlord(l, Lang)),
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
                        description = a.Management.Description.Render(Lang),
                    },
                    perimeter_model = a.Agency.PerimeterModel,
                    perimeter = a.PerimeterLabel.Render(Lang),
                    managed_dwellings = a.ManagedDwellings,
                    dwellings_per_site_agent = a.DwellingsPerSiteAgent is double d ? Math.Round(d, 0) : (double?)null,
                    staff = AnalysisJson.Staff(a.Staff),
                    flags = a.Flags.Select(f => AnalysisJson.Text(f, Lang)),
                }),
                notes = result.Notes.Select(n => AnalysisJson.Text(n, Lang)),
                stored = outcome is null ? null : new
                {
                    review_reused = outcome.ReviewReused,
                    analysis_reused = outcome.AnalysisReused,
                    changed = outcome.Changed,
                    note = AnalysisJson.Text(StoredAnalysisNote.Of(outcome), Lang),
                },
                files,
            });
            return;
        }
        var o = console.Out;
        o.WriteLine($"{result.Territories.Count} territoires typés ({(roads ? "temps de trajet sur le réseau routier" : "ESTIMATION : distances à vol d'oiseau, aucun réseau routier chargé")})");
        foreach (var s in result.Types)
            o.WriteLine($"  {s.Type.Label(),-50} {s.Territories,4} territoires {s.Dwellings,7} logements");
        var applicable = result.Ensembles.Where(e => e.Landlord == result.OwnLandlord).ToList();
        o.WriteLine($"{Catalogue.Text(Lang, "caretaking_heading")} : " + Catalogue.Text(Lang, "caretaking_summary", ("applicable", applicable.Count(e => e.Applies)),
            ("deficit", own.EnsemblesInDeficit), ("required", own.RequiredFte), ("declared", own.DeclaredFte), ("missing", own.DeficitFte),
            ("to_check", applicable.Count(e => e.Status == CaretakingStatus.ToCheck)), ("not_assessable", own.NotAssessableDwellings)));
        var actions = result.Territories.SelectMany(t => t.Plan.Where(p => p.Status.IsAction()).Select(p => (t, p)))
            .OrderBy(x => x.p.Legal ? 0 : 1).ThenByDescending(x => x.p.DwellingsConcerned).ToList();
        o.WriteLine($"{Catalogue.Text(Lang, "plan_action_heading")} ({actions.Count})");
        foreach (var (t, p) in actions.Take(10))
            o.WriteLine($"  {t.Name,-40} {Catalogue.Text(Lang, p.Form.LabelCode())} — {Catalogue.Text(Lang, p.Status.LabelCode())} : {p.Reason.Render(Lang)}");
        if (actions.Count > 10)
            o.WriteLine($"  … {actions.Count - 10} autres actions (rapport HTML, plan-presence.csv)");
        foreach (var note in result.Notes)
            o.WriteLine($"Note : {note.Render(Lang)}");
        if (outcome is not null)
            o.WriteLine(StoredAnalysisNote.Of(outcome).Render(Lang));
        foreach (var f in files)
            o.WriteLine($"Écrit : {f}");
    }
}
