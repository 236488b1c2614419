using System.Globalization;
using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.IO.Export;

/// <summary>Writes one row per territory for Excel (French): <c>;</c> separator, UTF-8 with BOM, decimal comma.</summary>
public static class AnalysisCsvExporter
{
    private static readonly string[] Header =
    [
        "id", "nom", "nature", "commune", "qpv", "type", "type_libelle", "score", "second_type", "ecart",
        "logements", "programmes", "logements_par_programme", "part_collectif", "logements_qpv", "part_qpv",
        "niveau_densite", "densite_estimee", "population", "part_surface_qpv", "distance_programme_voisin_m",
        "logements_bailleur_rayon", "trajet_moyen_min", "trajet_max_min", "trajet_estime", "nb_bailleurs", "bailleurs",
        "agents_site_etp", "logements_par_agent", "gardiennage_etp_requis", "regle", "notes", "recommandations", "accueil",
    ];

    /// <summary>Writes the CSV to a file (overwritten).</summary>
    public static void Write(AnalysisResult result, string path)
    {
        using var stream = File.Create(path);
        Write(result, stream);
    }

    /// <summary>Writes the CSV to a stream, BOM first; the stream is left open.</summary>
    public static void Write(AnalysisResult result, Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        w.NewLine = "\r\n";
        w.WriteLine(string.Join(';', Header));
        foreach (var t in result.Territories)
        {
            var i = t.Indicators;
            var d = t.Decision;
            string[] row =
            [
                t.Id, t.Name, t.Kind.Code(), t.CommuneCode ?? "", t.QpvCode ?? "", d.Type.Code(), d.Type.Label(),
                N(d.Score, 3), d.RunnerUp.Code(), N(d.Margin, 3),
                i.Dwellings.ToString(CultureInfo.InvariantCulture), i.Estates.ToString(CultureInfo.InvariantCulture),
                N(i.DwellingsPerEstate, 1), N(i.CollectiveShare, 3), i.QpvDwellings.ToString(CultureInfo.InvariantCulture),
                N(i.QpvShare, 3), i.DensityLevel?.ToString(CultureInfo.InvariantCulture) ?? "", i.DensityEstimated ? "oui" : "non",
                i.Population?.ToString(CultureInfo.InvariantCulture) ?? "", N(i.QpvAreaShare, 3), N(i.NearestSameLandlordMeters, 0),
                N(i.NearbyLandlordDwellings, 0), N(i.MeanTravelMinutes, 1), N(i.MaxTravelMinutes, 1), i.TravelEstimated ? "oui" : "non",
                i.Landlords.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", i.Landlords),
                N(i.SiteAgents, 2), N(i.DwellingsPerSiteAgent, 0), N(t.CaretakerRequiredFte, 2),
                d.Rule, string.Join(" | ", d.Notes),
                string.Join(" | ", t.Presence.Select(p => $"{p.Form} : {p.Reason}")),
                string.Join(", ", t.Accueil.RecommendedLabels),
            ];
            w.WriteLine(string.Join(';', row.Select(Quote)));
        }
    }

    /// <summary>Writes the caretaking ensembles (one row each, applicable or not), same CSV conventions.</summary>
    public static void WriteEnsembles(AnalysisResult result, Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        w.NewLine = "\r\n";
        w.WriteLine("ensemble;bailleur;programmes;logements_collectifs;qpv;population_commune;applicable;etp_requis;etp_declares;ecart;motif");
        foreach (var e in result.Ensembles)
        {
            string[] row =
            [
                e.Id, e.Landlord, string.Join(", ", e.EstateIds), e.CollectiveDwellings.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", e.QpvCodes), e.CommunePopulation?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.Applies ? "oui" : "non", N(e.RequiredFte, 2), N(e.DeclaredFte, 2), e.Deficit ? "oui" : "non", e.Ground,
            ];
            w.WriteLine(string.Join(';', row.Select(Quote)));
        }
    }

    /// <summary>Decimal comma, no thousands separator (Excel FR reads it as a number).</summary>
    internal static string N(double? value, int decimals) =>
        value is { } v ? v.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), FrenchFormat.Numbers) : "";

    internal static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
