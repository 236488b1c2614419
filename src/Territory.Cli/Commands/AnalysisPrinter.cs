using Territory.Cli.Infrastructure;
using Territory.Core.Analysis;
using Territory.Core.Typology;

namespace Territory.Cli.Commands;

/// <summary>Prints an analysis: the contract JSON, or a French summary.</summary>
internal static class AnalysisPrinter
{
    public static void Print(CliConsole console, bool json, AnalysisResult result, bool roads, IReadOnlyList<string> files)
    {
        var counts = TerritoryTypes.All.ToDictionary(t => t.Code(), t => result.Territories.Count(x => x.Type == t));
        var timed = result.Territories.Count(t => t.Indicators.MeanTravelMinutes is not null);
        var estimated = result.Territories.Count(t => t.Indicators.TravelEstimated);
        // « estimé » whenever any time is estimated; « réseau routier » only when every time comes from it.
        var headline = timed == 0 ? "none" : estimated == 0 && roads ? "road_network" : roads ? "mixed" : "straight_line_estimate";
        if (json)
        {
            JsonOutput.Write(console, new
            {
                travel = roads ? "road_network" : "straight_line_estimate",
                travel_estimated_territories = estimated,
                travel_estimated = result.TravelEstimated,
                territories = result.Territories.Select(t => new
                {
                    id = t.Id,
                    name = t.Name,
                    kind = t.Kind.ToString(),
                    commune_code = t.CommuneCode,
                    qpv_code = t.QpvCode,
                    type = t.Type.Code(),
                    type_label = t.Type.Label(),
                    runner_up = t.Decision.RunnerUp.Code(),
                    margin = Math.Round(t.Decision.Margin, 3),
                    dwellings = t.Indicators.Dwellings,
                    estates = t.Indicators.Estates,
                    reasons = DecisionReasons.Of(t.Decision),
                    recommendations = t.Presence.Select(p => new { label = p.Form, reason = p.Reason, from_context = p.FromContext }),
                    accueil = t.Accueil.RecommendedLabels,
                    caretaker_required_fte = Math.Round(t.CaretakerRequiredFte, 2),
                    mean_travel_min = t.Indicators.MeanTravelMinutes is double m ? Math.Round(m, 1) : (double?)null,
                    travel_estimated = t.Indicators.TravelEstimated,
                }),
                counts,
                caretaking = new
                {
                    ensembles = result.Ensembles.Count,
                    applicable = result.Ensembles.Count(e => e.Applies),
                    in_deficit = result.Ensembles.Count(e => e.Deficit),
                    required_fte = Math.Round(result.Ensembles.Where(e => e.Applies).Sum(e => e.RequiredFte), 2),
                },
                agencies = result.Agencies.Select(a => new
                {
                    id = a.Agency.Id,
                    management_model = new { model = a.Management.Model, transition = a.Management.Transition, description = a.Management.Description },
                    perimeter = a.PerimeterLabel,
                    managed_dwellings = a.ManagedDwellings,
                    dwellings_per_site_agent = a.DwellingsPerSiteAgent is double d ? Math.Round(d, 0) : (double?)null,
                }),
                notes = result.Notes,
                files,
            });
            return;
        }
        var o = console.Out;
        o.WriteLine(console.T("cli_analyse_headline_" + headline, ("count", result.Territories.Count), ("estimated", estimated)));
        foreach (var s in result.Types)
            o.WriteLine($"  {TypeLabel(console, s.Type),-50} {console.T("cli_analyse_type_counts", ("territories", s.Territories), ("dwellings", s.Dwellings))}");
        var applicable = result.Ensembles.Where(e => e.Applies).ToList();
        o.WriteLine(console.T("cli_analyse_caretaking", ("count", applicable.Count), ("deficit", applicable.Count(e => e.Deficit)), ("fte", applicable.Sum(e => e.RequiredFte))));
        foreach (var t in result.Territories.OrderByDescending(t => t.Indicators.Dwellings).Take(8))
            o.WriteLine($"  {t.Name,-40} {TypeLabel(console, t.Type),-50} {console.T("dwellings", ("count", t.Indicators.Dwellings)),14} — {t.Decision.Rule}");
        if (result.Territories.Count > 8)
            o.WriteLine("  " + console.T("cli_analyse_more_territories", ("count", result.Territories.Count - 8)));
        foreach (var note in result.Notes)
            o.WriteLine(console.T("cli_note", ("text", note)));
        foreach (var f in files)
            o.WriteLine(console.T("cli_written", ("path", f)));
    }

    private static string TypeLabel(CliConsole console, TerritoryType type) =>
        console.T("territory_type_" + type.Code());
}
