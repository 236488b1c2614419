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
        if (json)
        {
            JsonOutput.Write(console, new
            {
                travel = roads ? "road_network" : "straight_line_estimate",
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
                    management_model = a.Management.ToString(),
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
        o.WriteLine($"{result.Territories.Count} territoires typés ({(roads ? "temps de trajet sur le réseau routier" : "ESTIMATION : distances à vol d'oiseau, aucun réseau routier chargé")})");
        foreach (var s in result.Types)
            o.WriteLine($"  {s.Type.Label(),-50} {s.Territories,4} territoires {s.Dwellings,7} logements");
        var applicable = result.Ensembles.Where(e => e.Applies).ToList();
        o.WriteLine($"Gardiennage : {applicable.Count} ensembles soumis à l'obligation, {applicable.Count(e => e.Deficit)} en déficit ({applicable.Sum(e => e.RequiredFte):0.#} ETP requis)");
        foreach (var t in result.Territories.OrderByDescending(t => t.Indicators.Dwellings).Take(8))
            o.WriteLine($"  {t.Name,-40} {t.Type.Label(),-50} {t.Indicators.Dwellings,6} logts — {t.Decision.Rule}");
        if (result.Territories.Count > 8)
            o.WriteLine($"  … {result.Territories.Count - 8} autres territoires (couche « territories » du projet, rapport HTML)");
        foreach (var note in result.Notes)
            o.WriteLine($"Note : {note}");
        foreach (var f in files)
            o.WriteLine($"Écrit : {f}");
    }
}
