using System.Globalization;
using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.IO.Reports;

/// <summary>Self-contained HTML report of an analysis, in French (or English): summary, chart, maps (inline SVG), one section per territory.</summary>
/// <remarks>No external assets; prints to PDF with one territory per page (<c>@media print</c>). All text is HTML-escaped.</remarks>
public static class AnalysisHtmlReport
{
    /// <summary>Writes the report to a file (UTF-8, overwritten).</summary>
    public static void Write(AnalysisResult result, string path, DateOnly? date = null, Lang lang = Lang.Fr) =>
        File.WriteAllText(path, Render(result, date, lang), new UTF8Encoding(false));

    /// <summary>Renders the report as one HTML document.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="date">Date printed in the header (none when null, so output is reproducible).</param>
    /// <param name="lang">Language of the report's own texts (the territory sections follow the analysis' sentences).</param>
    public static string Render(AnalysisResult result, DateOnly? date = null, Lang lang = Lang.Fr)
    {
        string T(string code, params (string, object?)[] values) => Catalogue.Text(lang, code, values);
        var maps = new ReportMaps(result, lang);
        var org = result.Input.OrganisationName ?? T("report_organisation_unknown");
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(lang.Tag()).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(Html.Text(T("report_title", ("organisation", org)))).Append("</title><style>").Append(ReportStyle.Css).Append("</style></head><body>");
        sb.Append("<header><h1>").Append(Html.Text(T("report_title", ("organisation", org)))).Append("</h1><p class=\"muted\">")
          .Append(Html.Text(date is { } d
              ? T("report_subtitle_dated", ("delineation", Delineation(result.Input.Delineation)), ("date", d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)))
              : T("report_subtitle", ("delineation", Delineation(result.Input.Delineation)))))
          .Append("</p></header>");
        if (result.Input.Districts.Count == 0)
            sb.Append("<p class=\"flag\">").Append(Html.Text(Catalogue.Text(lang, "no_qpv_warning"))).Append("</p>");
        foreach (var n in result.Notes)
            sb.Append("<p class=\"note\">").Append(Html.Text(n.Render(lang))).Append("</p>");

        Summary(sb, result, lang);
        sb.Append("<h2>").Append(Html.Text(T("report_overview_map"))).Append("</h2>").Append(maps.Overview()).Append(Legend(lang));
        PlanSection.WriteActionPlan(sb, result, lang);
        StaffSection.WriteSummary(sb, result, lang);
        AgencyTable(sb, result, lang);
        CaretakingSection.WriteSummary(sb, result, lang);

        sb.Append("<h2>").Append(Html.Text(T("report_territories"))).Append("</h2><ol>");
        foreach (var t in result.Territories)
            sb.Append("<li><a href=\"#t-").Append(Html.Attr(t.Id)).Append("\">").Append(Html.Text(t.Name)).Append("</a> — ")
              .Append(Html.Text(TypeLabel(t.Type, lang))).Append("</li>");
        sb.Append("</ol>");
        foreach (var t in result.Territories)
            TerritorySection.Write(sb, t, result, maps, lang);
        sb.Append("<footer><p class=\"muted\">").Append(Html.Text(AccueilMix.Survey.Render(lang))).Append("</p></footer></body></html>");
        return sb.ToString();

        Message Delineation(DelineationMode mode) => Message.Of(mode switch
        {
            DelineationMode.Sectors => "report_delineation_sectors",
            DelineationMode.AgencyCatchment => "report_delineation_agencies",
            _ => "report_delineation_communes",
        });
    }

    internal static string TypeLabel(TerritoryType type, Lang lang) => Catalogue.Text(lang, "territory_type_" + type.Code());

    private static void Summary(StringBuilder sb, AnalysisResult r, Lang lang)
    {
        string T(string code, params (string, object?)[] values) => Catalogue.Text(lang, code, values);
        var dwellings = r.Territories.Sum(t => t.Indicators.Dwellings);
        sb.Append("<h2>").Append(Html.Text(T("report_summary"))).Append("</h2><p>").Append(Html.Text(T("report_summary_counts",
            ("estates", r.Input.Estates.Count), ("dwellings", dwellings), ("territories", r.Territories.Count), ("agencies", r.Input.Agencies.Count))))
          .Append("</p><table><tr>");
        foreach (var h in new[] { "report_col_type", "report_col_territories", "report_col_dwellings", "report_col_own_dwellings", "report_col_declared_site",
                     "report_col_dwellings_per_agent", "report_col_caretaking", "report_col_caretaking_missing" })
            sb.Append("<th>").Append(Html.Text(T(h))).Append("</th>");
        sb.Append("</tr>");
        foreach (var s in r.Types)
        {
            sb.Append("<tr><td><span class=\"badge\" style=\"background:").Append(ReportStyle.Color(s.Type)).Append("\">")
              .Append(Html.Text(TypeLabel(s.Type, lang))).Append("</span></td><td class=\"n\">").Append(Html.Text(NumberText.Format(s.Territories, 0, lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(s.Dwellings, 0, lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(s.OwnDwellings, 0, lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(s.Staff.DeclaredSiteFte, 1, lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(s.DwellingsPerSiteAgent is { } v ? NumberText.Format(v, 0, lang) : "—"))
              .Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(s.CaretakingRequiredFte, 2, lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(s.CaretakingDeficitFte, 2, lang))).Append("</td></tr>");
        }
        sb.Append("</table>");
        sb.Append(SvgBarChart.Render(T("report_chart_title"),
            r.Types.Select(s => (TypeLabel(s.Type, lang), (double)s.Dwellings,
                T("report_chart_bar", ("dwellings", s.Dwellings), ("territories", s.Territories)), ReportStyle.Color(s.Type))).ToList()));
    }

    private static void AgencyTable(StringBuilder sb, AnalysisResult r, Lang lang)
    {
        if (r.Agencies.Count == 0) return;
        string T(string code, params (string, object?)[] values) => Catalogue.Text(lang, code, values);
        sb.Append("<h2>").Append(Html.Text(T("report_agencies"))).Append("</h2><table><tr>");
        foreach (var h in new[] { "report_col_agency", "report_col_kind", "report_col_staff", "report_col_site_staff_count", "report_col_management", "report_col_perimeter",
                     "report_col_managed", "report_col_dwellings_per_agent" })
            sb.Append("<th>").Append(Html.Text(T(h))).Append("</th>");
        sb.Append("</tr>");
        foreach (var a in r.Agencies)
        {
            sb.Append("<tr><td>").Append(Html.Text(a.Agency.Name ?? a.Agency.Id)).Append("</td><td>").Append(Html.Text(ReportMaps.AgencyKindLabel(a.Agency.Kind, lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(a.Agency.Staff is int st ? NumberText.Format(st, 0, lang) : "—"))
              .Append("</td><td class=\"n\">").Append(Html.Text(a.Agency.SiteStaff is int ss ? NumberText.Format(ss, 0, lang) : "—"))
              .Append("</td><td>").Append(Html.Text(a.Management.Description.Render(lang)))
              .Append("</td><td>").Append(Html.Text(a.PerimeterLabel.Render(lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(a.ManagedDwellings, 0, lang)))
              .Append("</td><td class=\"n\">").Append(Html.Text(a.DwellingsPerSiteAgent is { } v ? NumberText.Format(v, 0, lang) : "—")).Append("</td></tr>");
        }
        sb.Append("</table>");
    }

    private static string Legend(Lang lang)
    {
        var sb = new StringBuilder("<p class=\"legend\">");
        foreach (var t in TerritoryTypes.All)
            sb.Append("<span><i style=\"background:").Append(ReportStyle.Color(t)).Append("\"></i>").Append(Html.Text(TypeLabel(t, lang))).Append("</span>");
        sb.Append("<span><i style=\"border:2px solid ").Append(ReportStyle.QpvFill).Append("\"></i>").Append(Html.Text(Catalogue.Text(lang, "report_legend_qpv"))).Append("</span>");
        sb.Append("<span><i style=\"background:").Append(ReportStyle.AgencyFill).Append("\"></i>").Append(Html.Text(Catalogue.Text(lang, "report_legend_agency"))).Append("</span>");
        sb.Append("<span><i style=\"background:").Append(ReportStyle.LodgeFill).Append("\"></i>").Append(Html.Text(Catalogue.Text(lang, "report_legend_lodge"))).Append("</span>");
        return sb.Append("<span>").Append(Html.Text(Catalogue.Text(lang, "report_legend_estate"))).Append("</span></p>").ToString();
    }
}
