using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Indicators;
using Territory.Core.Messages;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.IO.Reports;

/// <summary>One report section per territory: map, indicators, decision trace, presence plan, stakes, staff, caretaking.</summary>
internal static class TerritorySection
{
    public static void Write(StringBuilder sb, TerritoryResult t, AnalysisResult result, ReportMaps maps, Lang lang = Lang.Fr)
    {
        var i = t.Indicators;
        var d = t.Decision;
        string T(string code, params (string, object?)[] args) => Catalogue.Text(lang, code, args);
        sb.Append("<section class=\"territory\" id=\"t-").Append(Html.Attr(t.Id)).Append("\">");
        sb.Append("<h2>").Append(Html.Text(t.Name)).Append(" <span class=\"muted\">(").Append(Html.Text(t.Id)).Append(")</span></h2>");
        sb.Append("<p><span class=\"badge\" style=\"background:").Append(ReportStyle.Color(d.Type)).Append("\">")
          .Append(Html.Text(AnalysisHtmlReport.TypeLabel(d.Type, lang))).Append("</span> ").Append(Html.Text(KindLabel(t, lang))).Append("</p>");
        sb.Append(maps.Territory(t));
        if (t.GeometryApproximate)
            sb.Append("<p class=\"muted\">").Append(Html.Text(T("report_territory_approximate"))).Append("</p>");

        var unknownF = T("report_value_unknown_feminine");
        var unknownM = T("report_value_unknown_masculine");
        sb.Append("<h3>").Append(Html.Text(T("report_indicators"))).Append("</h3><table>");
        Row(sb, T("report_ind_dwellings_estates"),
            T("report_ind_dwellings_estates_value", ("dwellings", i.Dwellings), ("estates", i.Estates), ("perEstate", i.DwellingsPerEstate)));
        Row(sb, T("report_ind_collective_share"), i.CollectiveShare is { } c ? NumberText.Percent(c, 0, lang) : unknownF);
        Row(sb, T("report_ind_qpv_dwellings"), T("report_ind_count_share", ("count", i.QpvDwellings), ("share", i.QpvShare)));
        Row(sb, T("report_ind_density"), i.DensityLevel is { } l
            ? T(i.DensityEstimated ? "report_ind_density_value_estimated" : "report_ind_density_value", ("level", l), ("label", Message.Of("density_level_" + l)))
            : unknownF);
        Row(sb, T("report_ind_population"), i.Population is { } p ? NumberText.Format(p, 0, lang) : unknownF);
        Row(sb, T("report_ind_qpv_area_share"), i.QpvAreaShare is { } q ? NumberText.Percent(q, 0, lang) : "—");
        Row(sb, T("report_ind_nearest_estate"), i.NearestSameLandlordMeters is { } m ? T("report_ind_nearest_estate_value", ("meters", m)) : T("report_value_none"));
        Row(sb, T("report_ind_nearby_dwellings", ("km", result.Config.Travel.IsolationRadiusMeters / 1000)), NumberText.Format(i.NearbyLandlordDwellings, 0, lang));
        Row(sb, T("report_ind_travel"), i.MeanTravelMinutes is { } mt
            ? T(i.TravelEstimated ? "report_ind_travel_value_estimated" : "report_ind_travel_value", ("mean", mt), ("max", i.MaxTravelMinutes ?? mt))
            : unknownM);
        Row(sb, T("report_ind_landlords"), i.Landlords.Count == 0 ? "—"
            : T("report_ind_landlords_value", ("count", i.Landlords.Count), ("names", string.Join(", ", i.Landlords))));
        Row(sb, T("report_ind_site_staff"), i.DwellingsPerSiteAgent is { } dpa
            ? T("report_ind_site_staff_value", ("fte", i.SiteAgents), ("perAgent", dpa))
            : NumberText.Format(i.SiteAgents, 2, lang));
        sb.Append("</table>");

        sb.Append("<h3>").Append(Html.Text(T("report_why_type"))).Append("</h3><p>").Append(Html.Text(d.RuleIn(lang))).Append("</p>");
        sb.Append("<table><tr><th>").Append(Html.Text(T("report_col_type"))).Append("</th><th>").Append(Html.Text(T("report_col_score")))
          .Append("</th><th>").Append(Html.Text(T("report_col_criteria"))).Append("</th></tr>");
        foreach (var s in d.Scores.OrderByDescending(s => s.Score))
        {
            sb.Append("<tr><td>").Append(Html.Text(AnalysisHtmlReport.TypeLabel(s.Type, lang))).Append("</td><td class=\"n\">")
              .Append(Html.Text(NumberText.Format(s.Score, 2, lang))).Append("</td><td>");
            foreach (var k in s.Criteria)
                sb.Append(Html.Text(T("report_criterion_line", ("label", k.Label), ("score", k.Score), ("weight", k.Weight)))).Append("<br>");
            sb.Append("</td></tr>");
        }
        sb.Append("</table>");
        foreach (var n in d.NotesIn(lang))
            sb.Append("<p class=\"note\">").Append(Html.Text(n)).Append("</p>");

        PlanSection.WriteTerritory(sb, t, lang);
        sb.Append("<h3>").Append(Html.Text(T("report_accueil"))).Append("</h3><ul>");
        sb.Append("<li>").Append(Html.Text(T("report_accueil_physical", ("text", t.Accueil.PermanencePhysique)))).Append("</li>");
        sb.Append("<li>").Append(Html.Text(T("report_accueil_appointment", ("text", t.Accueil.SurRendezVous)))).Append("</li>");
        sb.Append("<li>").Append(Html.Text(T("report_accueil_foot_of_building", ("text", t.Accueil.PiedImmeuble)))).Append("</li></ul>");
        StaffSection.WriteTerritory(sb, t, lang);
        CaretakingSection.WriteTerritory(sb, t, result, lang);
        sb.Append("</section>");
    }

    private static string KindLabel(TerritoryResult t, Lang lang)
    {
        var kind = Catalogue.Text(lang, "territory_kind_" + t.Kind.Code());
        return t.QpvCode is { } q ? Catalogue.Text(lang, "report_kind_with_qpv", ("kind", kind), ("code", q)) : kind;
    }

    private static void Row(StringBuilder sb, string label, string value) =>
        sb.Append("<tr><th>").Append(Html.Text(label)).Append("</th><td>").Append(Html.Text(value)).Append("</td></tr>");
}
