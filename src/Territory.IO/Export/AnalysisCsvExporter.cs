using System.Globalization;
using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;
using static Territory.IO.Export.AnalysisRows;

namespace Territory.IO.Export;

/// <summary>Writes the analysis for Excel (French): <c>;</c> separator, UTF-8 with BOM, decimal comma.</summary>
/// <remarks>One file per table: territories, caretaking ensembles, presence plan lines, means against needs.</remarks>
public static class AnalysisCsvExporter
{
    private const Lang Fr = Lang.Fr;

    private static readonly string[] Header =
    [
        "id", "nom", "nature", "commune", "qpv", "type", "type_libelle", "score", "second_type", "ecart",
        "logements", "logements_bailleur", "programmes", "logements_par_programme", "part_collectif", "logements_qpv", "part_qpv",
        "logements_sociaux_quartier", "niveau_densite", "densite_estimee", "population", "part_surface_qpv", "distance_programme_voisin_m",
        "logements_bailleur_rayon", "trajet_moyen_min", "trajet_max_min", "trajet_estime", "nb_bailleurs", "bailleurs",
        "agents_site_etp", "logements_par_agent", "regle", "notes", "actions_plan", "plan", "enjeux", "contexte", "accueil",
        "besoin_site_etp", "declare_site_etp", "besoin_proximite_etp", "declare_proximite_etp", "trajets_h_semaine", "ecart_etp",
        "gardiennage_statut", "gardiennage_requis_etp", "gardiennage_declare_etp", "gardiennage_manque_etp",
        "gardiennage_a_verifier_logements", "gardiennage_non_evaluable_logements",
    ];

    /// <summary>Writes the territories CSV to a file (overwritten).</summary>
    public static void Write(AnalysisResult result, string path)
    {
        using var stream = File.Create(path);
        Write(result, stream);
    }

    /// <summary>Writes the territories CSV to a stream, BOM first; the stream is left open.</summary>
    public static void Write(AnalysisResult result, Stream stream)
    {
        using var w = Writer(stream);
        w.WriteLine(string.Join(';', Header));
        foreach (var t in result.Territories)
        {
            var i = t.Indicators;
            var d = t.Decision;
            var s = t.Staff;
            var c = t.Caretaking.Own;
            Row(w,
            [
                t.Id, t.Name, t.Kind.Code(), t.CommuneCode ?? "", t.QpvCode ?? "", d.Type.Code(), Catalogue.Text(Fr, "territory_type_" + d.Type.Code()),
                N(d.Score, 3), d.RunnerUp.Code(), N(d.Margin, 3), I(i.Dwellings), I(t.OwnDwellings), I(i.Estates),
                N(i.DwellingsPerEstate, 1), N(i.CollectiveShare, 3), I(i.QpvDwellings), N(i.QpvShare, 3), I(i.DistrictDwellings),
                I(i.DensityLevel), Yes(i.DensityEstimated), I(i.Population), N(i.QpvAreaShare, 3), N(i.NearestSameLandlordMeters, 0),
                N(i.NearbyLandlordDwellings, 0), N(i.MeanTravelMinutes, 1), N(i.MaxTravelMinutes, 1), Yes(i.TravelEstimated),
                I(i.Landlords.Count), string.Join(", ", i.Landlords), N(i.SiteAgents, 2), N(i.DwellingsPerSiteAgent, 0),
                d.RuleIn(Fr), string.Join(" | ", d.NotesIn(Fr)), I(t.Plan.Count(p => p.Status.IsAction())), string.Join(" | ", Actions(t, Fr)),
                Join(t.Stakes), Join(t.Context), string.Join(", ", t.Accueil.RecommendedLabels.Select(m => m.Render(Fr))),
                N(s.NeededSiteFte, 2), N(s.DeclaredSiteFte, 2), N(s.NeededProximityFte, 2), N(s.DeclaredProximityFte, 2), N(s.DriveHoursPerWeek, 1),
                N(s.GapFte, 2), Status(c.Status, Fr), N(c.RequiredFte, 2), N(c.DeclaredFte, 2), N(c.DeficitFte, 2), I(c.ToCheckDwellings),
                I(c.NotAssessableDwellings),
            ]);
        }
    }

    /// <summary>Writes the caretaking ensembles of every landlord (one row each, every status), same CSV conventions.</summary>
    public static void WriteEnsembles(AnalysisResult result, Stream stream)
    {
        using var w = Writer(stream);
        w.WriteLine("ensemble;bailleur;organisme;programmes;logements;type_connu;qpv;population_commune;statut;cas;etp_requis;etp_declares_sur_place;"
                    + "etp_agence_a_localiser;etp_manquants;agence;motif");
        foreach (var e in result.Ensembles)
            Row(w,
            [
                e.Id, e.Landlord, Yes(e.Landlord == result.OwnLandlord), string.Join(", ", e.EstateIds), I(e.Dwellings), Yes(e.HousingKnown),
                string.Join(", ", e.QpvCodes), I(e.CommunePopulation), Status(e.Status, Fr),
                e.Case.Code() is { } k ? Catalogue.Text(Fr, "caretaking_case_" + k) : "", N(e.RequiredFte, 2), N(e.DeclaredFte, 2),
                N(e.AgencyCoverFte, 2), N(e.DeficitFte, 2), e.AgencyId ?? "", e.Ground.Render(Fr),
            ]);
    }

    /// <summary>Writes the presence plan, one row per line of each territory's plan (ranked).</summary>
    public static void WritePlan(AnalysisResult result, Stream stream)
    {
        using var w = Writer(stream);
        w.WriteLine("territoire;nom;type;rang;forme;libelle;statut;libelle_statut;motif;declencheur;valeur;seuil;quantite;unite;sites;"
                    + "logements_concernes;point_existant;temps_estimes;obligation_legale");
        foreach (var t in result.Territories)
            foreach (var p in t.Plan)
                Row(w,
                [
                    t.Id, t.Name, t.Type.Code(), I(p.Rank), p.Form.Code(), Catalogue.Text(Fr, p.Form.LabelCode()), p.Status.Code(),
                    Catalogue.Text(Fr, p.Status.LabelCode()), p.Reason.Render(Fr), Catalogue.Text(Fr, "trigger_" + p.Trigger.Name),
                    N(p.Trigger.Value, 1), N(p.Trigger.Threshold, 1), N(p.Quantity, 1), Quantity(p, Fr) ?? "", Sites(p, Fr) ?? "",
                    I(p.DwellingsConcerned), p.PointId ?? "", Yes(p.TravelEstimated), Yes(p.Legal),
                ]);
    }

    /// <summary>Writes means against needs per territory, agency and type.</summary>
    public static void WriteStaff(AnalysisResult result, Stream stream)
    {
        using var w = Writer(stream);
        w.WriteLine("niveau;id;nom;type;besoin_site_etp;declare_site_etp;besoin_proximite_etp;declare_proximite_etp;trajets_h_semaine;trajets_etp;"
                    + "trajets_estimes;besoin_total_etp;declare_total_etp;ecart_etp;gardiens_non_localises_etp;alertes");
        foreach (var r in Staff(result))
        {
            var s = r.Staff;
            Row(w,
            [
                Catalogue.Text(Fr, "staff_level_" + r.Level), r.Id, r.Name, r.Type ?? "", N(s.NeededSiteFte, 2), N(s.DeclaredSiteFte, 2),
                N(s.NeededProximityFte, 2), N(s.DeclaredProximityFte, 2), N(s.DriveHoursPerWeek, 1), N(s.DriveFte, 2), Yes(s.DriveEstimated),
                N(s.NeededFte, 2), N(s.DeclaredFte, 2), N(s.GapFte, 2), N(s.UnlocatedSiteFte, 2), Join(r.Flags),
            ]);
        }
    }

    /// <summary>Decimal comma, no thousands separator (Excel FR reads it as a number).</summary>
    internal static string N(double? value, int decimals) =>
        value is { } v ? v.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), FrenchFormat.Numbers) : "";

    internal static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static StreamWriter Writer(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };

    private static void Row(StreamWriter w, string[] row) => w.WriteLine(string.Join(';', row.Select(Quote)));

    private static string I(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Yes(bool v) => Catalogue.Text(Fr, v ? "yes" : "no");

    private static string Join(IEnumerable<Message> messages) => string.Join(" | ", messages.Select(m => m.Render(Fr)));
}
