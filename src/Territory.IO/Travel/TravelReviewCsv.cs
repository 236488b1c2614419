using System.Globalization;
using System.Text;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Routing.Review;

namespace Territory.IO.Travel;

/// <summary>Writes a travel review as CSV for Excel (French: <c>;</c>, decimal comma, UTF-8 BOM).</summary>
public static class TravelReviewCsv
{
    private static readonly NumberFormatInfo French = Territory.Core.Analysis.FrenchFormat.Numbers;

    /// <summary>Rows of data an Excel sheet holds beside its header line (1,048,576 lines in all).</summary>
    public const int SpreadsheetRows = 1_048_575;

    /// <summary>Writes <c>temps-residences.csv</c> and <c>temps-agences.csv</c> into <paramref name="directory"/> (reasons in <paramref name="lang"/>).</summary>
    /// <returns>The paths written.</returns>
    /// <remarks>The agency × estate matrix is a separate request (<see cref="WriteMatrix"/>): it grows as agencies × estates.</remarks>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<Estate> estates, IReadOnlyList<Agency> agencies, AgencyTravelReviewResult review,
        Lang lang = Lang.Fr)
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
                    Num(t.NearestDurationSeconds / 60), Num(t.NearestDistanceMeters / 1000), Num(t.SnapDistanceMeters), t.Estimated ? "oui" : "non",
                    Cell(TravelReasons.Render(t.UnreachableReason, lang))));
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
        return [estatePath, agencyPath];
    }

    /// <summary>
    /// Writes the agency × estate matrix (<c>matrice-agences-residences.csv</c>), for every agency or those of
    /// <paramref name="agencyIds"/>, in files of at most <paramref name="maxRows"/> rows (an Excel sheet's limit):
    /// <c>matrice-agences-residences-1.csv</c>, <c>-2</c>… when it is larger.
    /// </summary>
    public static MatrixFiles WriteMatrix(string directory, AgencyTravelReviewResult review, IReadOnlyCollection<string>? agencyIds = null,
        Lang lang = Lang.Fr, int maxRows = SpreadsheetRows)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Matrix is not { } m)
            return new MatrixFiles([], 0);
        Directory.CreateDirectory(directory);
        var agencies = Enumerable.Range(0, m.AgencyIds.Count).Where(a => agencyIds is null || agencyIds.Contains(m.AgencyIds[a])).ToList();
        long rows = (long)agencies.Count * m.EstateIds.Count;
        var fileCount = (int)Math.Max(1, (rows + maxRows - 1) / maxRows);
        var est = review.Estimated ? "oui" : "non";
        var paths = new List<string>();
        StreamWriter? w = null;
        long written = 0;
        // Reasons repeat (one per unreachable estate or agency): rendered once each.
        var rendered = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Reason(string? r) => r is null ? null : rendered.TryGetValue(r, out var t) ? t : rendered[r] = TravelReasons.Render(r, lang);
        try
        {
            foreach (var a in agencies)
                for (var e = 0; e < m.EstateIds.Count; e++)
                {
                    if (w is null || written % maxRows == 0)
                    {
                        w?.Dispose();
                        var name = fileCount == 1 ? "matrice-agences-residences.csv" : $"matrice-agences-residences-{paths.Count + 1}.csv";
                        paths.Add(Path.Combine(directory, name));
                        w = new StreamWriter(paths[^1], false, new UTF8Encoding(true));
                        w.WriteLine("agence;residence;minutes;km;secondes;metres;estimation;motif_non_joignable");
                    }
                    var (seconds, meters, reason) = m[a, e];
                    w.WriteLine(string.Join(';', Cell(m.AgencyIds[a]), Cell(m.EstateIds[e]), Num(seconds / 60), Num(meters / 1000),
                        seconds is double s ? Math.Round(s).ToString(CultureInfo.InvariantCulture) : "",
                        meters is double d ? Math.Round(d).ToString(CultureInfo.InvariantCulture) : "", est, Cell(Reason(reason))));
                    written++;
                }
        }
        finally
        {
            w?.Dispose();
        }
        return new MatrixFiles(paths, written);
    }

    private static string Num(double? v) => v is double x && double.IsFinite(x) ? Math.Round(x, 2).ToString(French) : "";

    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

/// <summary>The matrix files written and the rows they hold (header lines not counted).</summary>
public sealed record MatrixFiles(IReadOnlyList<string> Paths, long Rows);
