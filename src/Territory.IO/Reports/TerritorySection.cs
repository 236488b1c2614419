using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Indicators;
using Territory.Core.Messages;
using Territory.Core.Territories;
using Territory.Core.Typology;
using static Territory.Core.Analysis.FrenchFormat;

namespace Territory.IO.Reports;

/// <summary>One report section per territory: map, indicators, decision trace, presence plan, stakes, staff, caretaking.</summary>
internal static class TerritorySection
{
    public static void Write(StringBuilder sb, TerritoryResult t, AnalysisResult result, ReportMaps maps, Lang lang = Lang.Fr)
    {
        var i = t.Indicators;
        var d = t.Decision;
        sb.Append("<section class=\"territory\" id=\"t-").Append(Html.Attr(t.Id)).Append("\">");
        sb.Append("<h2>").Append(Html.Text(t.Name)).Append(" <span class=\"muted\">(").Append(Html.Text(t.Id)).Append(")</span></h2>");
        sb.Append("<p><span class=\"badge\" style=\"background:").Append(ReportStyle.Color(d.Type)).Append("\">")
          .Append(Html.Text(d.Type.Label())).Append("</span> ").Append(Html.Text(KindLabel(t))).Append("</p>");
        sb.Append(maps.Territory(t));
        if (t.GeometryApproximate)
            sb.Append("<p class=\"muted\">Périmètre approché : enveloppe des programmes (pas de polygone de référence).</p>");

        sb.Append("<h3>Indicateurs</h3><table>");
        Row(sb, "Logements / programmes", $"{i.Dwellings} / {i.Estates} ({Num(i.DwellingsPerEstate, 1)} par programme)");
        Row(sb, "Part de collectif", i.CollectiveShare is { } c ? Pct(c) : "inconnue");
        Row(sb, "Logements en QPV", $"{i.QpvDwellings} ({Pct(i.QpvShare)})");
        Row(sb, "Densité communale (INSEE)", i.DensityLevel is { } l
            ? $"{l} — {CommuneDensity.LabelOf(l)}{(i.DensityEstimated ? " (estimé)" : "")}" : "inconnue");
        Row(sb, "Population", i.Population is { } p ? Num(p, 0) : "inconnue");
        Row(sb, "Part de la surface en QPV", i.QpvAreaShare is { } q ? Pct(q) : "—");
        Row(sb, "Programme du bailleur le plus proche", i.NearestSameLandlordMeters is { } m ? $"{Num(m, 0)} m (moyenne pondérée)" : "aucun");
        Row(sb, $"Logements du bailleur à moins de {Num(result.Config.Travel.IsolationRadiusMeters / 1000, 1)} km", Num(i.NearbyLandlordDwellings, 0));
        Row(sb, "Trajet depuis l'agence", i.MeanTravelMinutes is { } mt
            ? $"moyenne {Num(mt, 0)} min, maximum {Num(i.MaxTravelMinutes ?? mt, 0)} min{(i.TravelEstimated ? " (estimé à vol d'oiseau)" : "")}" : "inconnu");
        Row(sb, "Bailleurs présents", i.Landlords.Count == 0 ? "—" : $"{i.Landlords.Count} : {string.Join(", ", i.Landlords)}");
        Row(sb, "Personnel de site (ETP)", $"{Num(i.SiteAgents, 2)}{(i.DwellingsPerSiteAgent is { } dpa ? $" — {Num(dpa, 0)} logements par agent" : "")}");
        sb.Append("</table>");

        sb.Append("<h3>Pourquoi ce type</h3><p>").Append(Html.Text(d.Rule)).Append("</p>");
        sb.Append("<table><tr><th>Type</th><th>Score</th><th>Critères (score × poids)</th></tr>");
        foreach (var s in d.Scores.OrderByDescending(s => s.Score))
        {
            sb.Append("<tr><td>").Append(Html.Text(s.Type.Label())).Append("</td><td class=\"n\">").Append(Num(s.Score, 2)).Append("</td><td>");
            foreach (var k in s.Criteria)
                sb.Append(Html.Text($"{k.Label} → {Num(k.Score, 2)} × {Num(k.Weight, 2)}")).Append("<br>");
            sb.Append("</td></tr>");
        }
        sb.Append("</table>");
        foreach (var n in d.Notes)
            sb.Append("<p class=\"note\">").Append(Html.Text(n)).Append("</p>");

        PlanSection.WriteTerritory(sb, t, lang);
        sb.Append("<h3>Modalités d'accueil</h3><ul>");
        sb.Append("<li>Permanence physique : ").Append(Html.Text(t.Accueil.PermanencePhysique.Render(lang))).Append("</li>");
        sb.Append("<li>Sur rendez-vous : ").Append(Html.Text(t.Accueil.SurRendezVous.Render(lang))).Append("</li>");
        sb.Append("<li>Permanence en pied d'immeuble : ").Append(Html.Text(t.Accueil.PiedImmeuble.Render(lang))).Append("</li></ul>");
        StaffSection.WriteTerritory(sb, t, lang);
        CaretakingSection.WriteTerritory(sb, t, result, lang);
        sb.Append("</section>");
    }

    private static string KindLabel(TerritoryResult t) =>
        t.QpvCode is { } q ? $"{t.Kind.Label()} ({q})" : t.Kind.Label();

    private static void Row(StringBuilder sb, string label, string value) =>
        sb.Append("<tr><th>").Append(Html.Text(label)).Append("</th><td>").Append(Html.Text(value)).Append("</td></tr>");
}
