using Territory.Cli.Infrastructure;
using Territory.Core.Model;
using Territory.IO.Travel;
using Territory.Routing.Review;

namespace Territory.Cli.Commands;

/// <summary>Prints a travel review: the contract JSON (reasons with their codes), or a table for people.</summary>
internal static class TravelReviewPrinter
{
    public static void Print(CliConsole console, bool json, AgencyTravelReviewResult review, IReadOnlyList<Agency> agencies, IReadOnlyList<string> files)
    {
        var unreachable = review.Estates.Where(e => e.UnreachableReason is not null).ToList();
        var note = review.Estimated ? console.T("routing_estimate_note") : null;
        if (json)
        {
            JsonOutput.Write(console, new
            {
                estimated = review.Estimated,
                method = review.Estimated ? "straight_line_estimate" : "road_network",
                note,
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
                    unsnapped_code = TravelReasons.Of(review.UnsnappedAgencies.GetValueOrDefault(s.AgencyId))?.Code,
                    unsnapped_reason = TravelReasons.Render(review.UnsnappedAgencies.GetValueOrDefault(s.AgencyId), console.Lang),
                }),
                unreachable = unreachable.Count,
                unreachable_estates = unreachable.Select(e => new
                {
                    id = e.EstateId,
                    code = TravelReasons.Of(e.UnreachableReason)!.Code,
                    reason = TravelReasons.Render(e.UnreachableReason, console.Lang),
                }),
                files,
            });
            return;
        }
        var o = console.Out;
        if (note is not null)
            o.WriteLine(note);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name ?? a.Id, StringComparer.Ordinal);
        string H(string code) => console.T(code);
        o.WriteLine($"{H("cli_travel_col_agency"),-28} {H("cli_travel_col_estates"),6} {H("cli_travel_col_dwellings"),7} {H("cli_travel_col_mean"),6} {H("cli_travel_col_median"),6} {H("cli_travel_col_p90"),6} {H("cli_travel_col_max"),6} {H("cli_travel_col_over30"),12} {H("cli_travel_col_nearer"),18}");
        foreach (var s in review.Agencies)
            o.WriteLine($"{Trim(names.GetValueOrDefault(s.AgencyId, s.AgencyId)),-28} {N(console, s.EstateCount),6} {N(console, s.Dwellings),7} {Min(console, s.MeanMinutes),6} {Min(console, s.MedianMinutes),6} {Min(console, s.P90Minutes),6} {Min(console, s.MaxMinutes),6} {N(console, TravelReviewLayers.Beyond(s, 30)),12} {N(console, s.EstatesNearerToAnotherAgency),18}");
        o.WriteLine(H("cli_travel_units"));
        foreach (var (id, reason) in review.UnsnappedAgencies)
            o.WriteLine("  " + console.T("cli_travel_agency_unsnapped", ("agency", names.GetValueOrDefault(id, id)), ("reason", TravelReasons.Of(reason))));
        o.WriteLine(console.T("cli_travel_unreachable", ("count", unreachable.Count)));
        foreach (var e in unreachable.Take(10))
            o.WriteLine($"  {e.EstateId} : {TravelReasons.Render(e.UnreachableReason, console.Lang)}");
        if (unreachable.Count > 10)
            o.WriteLine("  " + console.T("cli_travel_unreachable_more", ("count", unreachable.Count - 10)));
        foreach (var f in files)
            o.WriteLine(console.T("cli_written", ("path", f)));
    }

    private static double? Seconds(double? minutes) => minutes is double m ? Math.Round(m * 60, 1) : null;

    private static string N(CliConsole console, double value) => Core.Messages.NumberText.Format(value, 0, console.Lang);

    private static string Min(CliConsole console, double? minutes) => minutes is double m ? Core.Messages.NumberText.Fixed(m, 1, console.Lang) : "—";

    private static string Trim(string s) => s.Length <= 28 ? s : s[..27] + "…";
}
