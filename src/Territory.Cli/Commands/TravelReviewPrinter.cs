using Territory.Cli.Infrastructure;
using Territory.Core.Model;
using Territory.IO.Travel;
using Territory.Routing.Review;

namespace Territory.Cli.Commands;

/// <summary>Prints a travel review: the contract JSON, or a French table.</summary>
internal static class TravelReviewPrinter
{
    private const string EstimateNote = "ESTIMATION : aucun réseau routier chargé ; distance à vol d'oiseau × 1,3 à 40 km/h (territory roads build pour des temps réels).";

    public static void Print(CliConsole console, bool json, AgencyTravelReviewResult review, IReadOnlyList<Agency> agencies, IReadOnlyList<string> files)
    {
        var unreachable = review.Estates.Where(e => e.UnreachableReason is not null).ToList();
        if (json)
        {
            JsonOutput.Write(console, new
            {
                estimated = review.Estimated,
                method = review.Estimated ? "straight_line_estimate" : "road_network",
                note = review.Estimated ? EstimateNote : null,
                agencies = review.Agencies.Select(s => new
                {
                    id = s.AgencyId,
                    estates = s.EstateCount,
                    dwellings = s.Dwellings,
                    mean_s = Seconds(s.MeanMinutes),
                    median_s = Seconds(s.MedianMinutes),
                    p90_s = Seconds(s.P90Minutes),
                    max_s = Seconds(s.MaxMinutes),
                    dwellings_over_20min = TravelReviewLayers.Beyond(s, 20),
                    dwellings_over_30min = TravelReviewLayers.Beyond(s, 30),
                    dwellings_over_45min = TravelReviewLayers.Beyond(s, 45),
                    estates_nearer_to_another_agency = s.EstatesNearerToAnotherAgency,
                    unreachable = s.UnreachableEstates,
                    unsnapped_reason = review.UnsnappedAgencies.GetValueOrDefault(s.AgencyId),
                }),
                unreachable = unreachable.Count,
                unreachable_estates = unreachable.Select(e => new { id = e.EstateId, reason = e.UnreachableReason }),
                files,
            });
            return;
        }
        var o = console.Out;
        if (review.Estimated)
            o.WriteLine(EstimateNote);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name ?? a.Id, StringComparer.Ordinal);
        o.WriteLine($"{"Agence",-28} {"Rés.",5} {"Logts",6} {"Moy.",6} {"Méd.",6} {"P90",6} {"Max",6} {">30 min",8} {"Autre plus proche",18}");
        foreach (var s in review.Agencies)
            o.WriteLine($"{Trim(names.GetValueOrDefault(s.AgencyId, s.AgencyId)),-28} {s.EstateCount,5} {s.Dwellings,6} {Min(s.MeanMinutes),6} {Min(s.MedianMinutes),6} {Min(s.P90Minutes),6} {Min(s.MaxMinutes),6} {TravelReviewLayers.Beyond(s, 30),8} {s.EstatesNearerToAnotherAgency,18}");
        o.WriteLine("(temps en minutes, pondérés par les logements)");
        foreach (var (id, reason) in review.UnsnappedAgencies)
            o.WriteLine($"  Agence {id} non raccordée : {reason}");
        o.WriteLine($"Résidences non joignables : {unreachable.Count}");
        foreach (var e in unreachable.Take(10))
            o.WriteLine($"  {e.EstateId} : {e.UnreachableReason}");
        if (unreachable.Count > 10)
            o.WriteLine($"  … {unreachable.Count - 10} autres (voir la couche travel_estates ou temps-residences.csv)");
        foreach (var f in files)
            o.WriteLine($"Écrit : {f}");
    }

    private static double? Seconds(double? minutes) => minutes is double m ? Math.Round(m * 60, 1) : null;

    private static string Min(double? minutes) => minutes is double m ? m.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";

    private static string Trim(string s) => s.Length <= 28 ? s : s[..27] + "…";
}
