using System.Globalization;
using System.Text;
using Territory.Core.Model;
using Territory.Routing.Review;

namespace Territory.IO.Travel;

/// <summary>Writes a travel review as CSV for Excel (French: <c>;</c>, decimal comma, UTF-8 BOM).</summary>
public static class TravelReviewCsv
{
    private static readonly NumberFormatInfo French = Territory.Core.Analysis.FrenchFormat.Numbers;

    /// <summary>Writes <c>temps-residences.csv</c>, <c>temps-agences.csv</c> and the full matrix <c>matrice-agences-residences.csv</c> into <paramref name="directory"/>.</summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies, AgencyTravelReviewResult review)
    {
        Directory.CreateDirectory(directory);
        var estatePath = Path.Combine(directory, "temps-residences.csv");
        var agencyPath = Path.Combine(directory, "temps-agences.csv");
        var byId = estates.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var est = review.Estimated ? "oui" : "non";
        using (var w = new StreamWriter(estatePath, false, new UTF8Encoding(true)))
        {
            w.WriteLine("residence;nom;logements;agence_gestionnaire;minutes_gestionnaire;km_gestionnaire;agence_la_plus_proche;minutes_plus_proche;km_plus_proche;distance_route_m;estimation;motif_non_joignable");
            foreach (var t in review.Estates)
            {
                var e = byId[t.EstateId];
                w.WriteLine(string.Join(';', Cell(t.EstateId), Cell(e.Name), e.Dwellings.ToString(CultureInfo.InvariantCulture), Cell(t.ManagingAgencyId),
                    Num(t.ManagingDurationSeconds / 60), Num(t.ManagingDistanceMeters / 1000), Cell(t.NearestAgencyId),
                    Num(t.NearestDurationSeconds / 60), Num(t.NearestDistanceMeters / 1000), Num(t.SnapDistanceMeters), t.Estimated ? "oui" : "non", Cell(t.UnreachableReason)));
            }
        }
        var names = agencies.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        using (var w = new StreamWriter(agencyPath, false, new UTF8Encoding(true)))
        {
            w.WriteLine("agence;nom;residences;logements;moyenne_min;mediane_min;p90_min;max_min;logements_plus_20min;logements_plus_30min;logements_plus_45min;residences_plus_proches_d_une_autre_agence;non_joignables;estimation");
            foreach (var s in review.Agencies)
                w.WriteLine(string.Join(';', Cell(s.AgencyId), Cell(names.GetValueOrDefault(s.AgencyId)), s.EstateCount.ToString(CultureInfo.InvariantCulture),
                    s.Dwellings.ToString(CultureInfo.InvariantCulture), Num(s.MeanMinutes), Num(s.MedianMinutes), Num(s.P90Minutes), Num(s.MaxMinutes),
                    TravelReviewLayers.Beyond(s, 20).ToString(CultureInfo.InvariantCulture), TravelReviewLayers.Beyond(s, 30).ToString(CultureInfo.InvariantCulture),
                    TravelReviewLayers.Beyond(s, 45).ToString(CultureInfo.InvariantCulture), s.EstatesNearerToAnotherAgency.ToString(CultureInfo.InvariantCulture),
                    s.UnreachableEstates.ToString(CultureInfo.InvariantCulture), est));
        }
        if (review.Matrix is not { } m)
            return [estatePath, agencyPath];
        var matrixPath = Path.Combine(directory, "matrice-agences-residences.csv");
        using (var w = new StreamWriter(matrixPath, false, new UTF8Encoding(true)))
        {
            w.WriteLine("agence;residence;minutes;km;secondes;metres;estimation;motif_non_joignable");
            for (var a = 0; a < m.AgencyIds.Count; a++)
                for (var e = 0; e < m.EstateIds.Count; e++)
                {
                    var (seconds, meters, reason) = m[a, e];
                    w.WriteLine(string.Join(';', Cell(m.AgencyIds[a]), Cell(m.EstateIds[e]), Num(seconds / 60), Num(meters / 1000),
                        seconds is double s ? Math.Round(s).ToString(CultureInfo.InvariantCulture) : "",
                        meters is double d ? Math.Round(d).ToString(CultureInfo.InvariantCulture) : "", est, Cell(reason)));
                }
        }
        return [estatePath, agencyPath, matrixPath];
    }

    private static string Num(double? v) => v is double x && double.IsFinite(x) ? Math.Round(x, 2).ToString(French) : "";

    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
