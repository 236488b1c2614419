using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;
using static Territory.Core.Analysis.FrenchFormat;

namespace Territory.IO.Reports;

/// <summary>Self-contained French HTML report of an analysis: summary, chart, maps (inline SVG), one section per territory.</summary>
/// <remarks>No external assets; prints to PDF with one territory per page (<c>@media print</c>). All text is HTML-escaped.</remarks>
public static class AnalysisHtmlReport
{
    /// <summary>Writes the report to a file (UTF-8, overwritten).</summary>
    public static void Write(AnalysisResult result, string path, DateOnly? date = null) =>
        File.WriteAllText(path, Render(result, date), new UTF8Encoding(false));

    /// <summary>Renders the report as one HTML document.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="date">Date printed in the header (none when null, so output is reproducible).</param>
    public static string Render(AnalysisResult result, DateOnly? date = null)
    {
        var maps = new ReportMaps(result);
        var org = result.Input.OrganisationName ?? "Organisme";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(Html.Text($"Typologie des territoires — {org}")).Append("</title><style>").Append(ReportStyle.Css).Append("</style></head><body>");
        sb.Append("<header><h1>").Append(Html.Text($"Typologie des territoires — {org}")).Append("</h1><p class=\"muted\">")
          .Append(Html.Text($"Découpage : {DelineationLabel(result.Input.Delineation)}{(date is { } d ? $" — {d:dd/MM/yyyy}" : "")}. "
                          + "Typologie d'après le tableau « Diversité des territoires et diversité des enjeux organisationnels » (questionnaire 2022, 31 organismes)."))
          .Append("</p></header>");
        if (result.Input.Districts.Count == 0)
            sb.Append("<p class=\"flag\">").Append(Html.Text(Catalogue.Text(Lang.Fr, "no_qpv_warning"))).Append("</p>");
        foreach (var n in result.Notes)
            sb.Append("<p class=\"note\">").Append(Html.Text(n.Render(Lang.Fr))).Append("</p>");

        Summary(sb, result);
        sb.Append("<h2>Carte d'ensemble</h2>").Append(maps.Overview()).Append(Legend());
        PlanSection.WriteActionPlan(sb, result, Lang.Fr);
        StaffSection.WriteSummary(sb, result, Lang.Fr);
        AgencyTable(sb, result);
        CaretakingSection.WriteSummary(sb, result, Lang.Fr);

        sb.Append("<h2>Territoires</h2><ol>");
        foreach (var t in result.Territories)
            sb.Append("<li><a href=\"#t-").Append(Html.Attr(t.Id)).Append("\">").Append(Html.Text(t.Name)).Append("</a> — ")
              .Append(Html.Text(t.Type.Label())).Append("</li>");
        sb.Append("</ol>");
        foreach (var t in result.Territories)
            TerritorySection.Write(sb, t, result, maps);
        sb.Append("<footer><p class=\"muted\">").Append(Html.Text(AccueilMix.Survey.Render(Lang.Fr))).Append("</p></footer></body></html>");
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, AnalysisResult r)
    {
        var dwellings = r.Territories.Sum(t => t.Indicators.Dwellings);
        sb.Append("<h2>Synthèse</h2><p>").Append(Html.Text(
            $"{r.Input.Estates.Count} programmes, {Num(dwellings, 0)} logements, {r.Territories.Count} territoires, {r.Input.Agencies.Count} agences et points de présence."))
          .Append("</p><table><tr><th>Type</th><th>Territoires</th><th>Logements</th><th>Logements de l'organisme</th><th>Personnel de site déclaré sur place (ETP)</th>"
                + "<th>Logements par agent</th><th>Gardiennage requis (ETP)</th><th>Gardiennage manquant (ETP)</th></tr>");
        foreach (var s in r.Types)
        {
            sb.Append("<tr><td><span class=\"badge\" style=\"background:").Append(ReportStyle.Color(s.Type)).Append("\">")
              .Append(Html.Text(s.Type.Label())).Append("</span></td><td class=\"n\">").Append(s.Territories)
              .Append("</td><td class=\"n\">").Append(Html.Text(Num(s.Dwellings, 0)))
              .Append("</td><td class=\"n\">").Append(Html.Text(Num(s.OwnDwellings, 0)))
              .Append("</td><td class=\"n\">").Append(Html.Text(Num(s.Staff.DeclaredSiteFte, 1)))
              .Append("</td><td class=\"n\">").Append(Html.Text(s.DwellingsPerSiteAgent is { } v ? Num(v, 0) : "—"))
              .Append("</td><td class=\"n\">").Append(Html.Text(Num(s.CaretakingRequiredFte, 2)))
              .Append("</td><td class=\"n\">").Append(Html.Text(Num(s.CaretakingDeficitFte, 2))).Append("</td></tr>");
        }
        sb.Append("</table>");
        sb.Append(SvgBarChart.Render("Logements par type de territoire",
            r.Types.Select(s => (s.Type.Label(), (double)s.Dwellings,
                $"{Num(s.Dwellings, 0)} logements, {s.Territories} territoire{(s.Territories > 1 ? "s" : "")}", ReportStyle.Color(s.Type))).ToList()));
    }

    private static void AgencyTable(StringBuilder sb, AnalysisResult r)
    {
        if (r.Agencies.Count == 0) return;
        sb.Append("<h2>Agences et modèles d'organisation</h2><table><tr><th>Agence</th><th>Nature</th><th>Collaborateurs</th><th>Personnel de site</th>"
                + "<th>Modèle de management</th><th>Périmètre de responsabilité</th><th>Logements gérés</th><th>Logements par agent</th></tr>");
        foreach (var a in r.Agencies)
        {
            sb.Append("<tr><td>").Append(Html.Text(a.Agency.Name ?? a.Agency.Id)).Append("</td><td>").Append(Html.Text(ReportMaps.AgencyKindLabel(a.Agency.Kind)))
              .Append("</td><td class=\"n\">").Append(Html.Text(a.Agency.Staff?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"))
              .Append("</td><td class=\"n\">").Append(Html.Text(a.Agency.SiteStaff?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"))
              .Append("</td><td>").Append(Html.Text(a.Management.Description.Render(Lang.Fr)))
              .Append("</td><td>").Append(Html.Text(a.PerimeterLabel.Render(Lang.Fr)))
              .Append("</td><td class=\"n\">").Append(a.ManagedDwellings)
              .Append("</td><td class=\"n\">").Append(Html.Text(a.DwellingsPerSiteAgent is { } v ? Num(v, 0) : "—")).Append("</td></tr>");
        }
        sb.Append("</table>");
    }

    private static string Legend()
    {
        var sb = new StringBuilder("<p class=\"legend\">");
        foreach (var t in TerritoryTypes.All)
            sb.Append("<span><i style=\"background:").Append(ReportStyle.Color(t)).Append("\"></i>").Append(Html.Text(t.Label())).Append("</span>");
        sb.Append("<span><i style=\"border:2px solid ").Append(ReportStyle.QpvFill).Append("\"></i>QPV</span>");
        sb.Append("<span><i style=\"background:").Append(ReportStyle.AgencyFill).Append("\"></i>Agence / antenne</span>");
        sb.Append("<span><i style=\"background:").Append(ReportStyle.LodgeFill).Append("\"></i>Loge</span>");
        return sb.Append("<span>● programme (surface proportionnelle aux logements)</span></p>").ToString();
    }

    private static string DelineationLabel(DelineationMode mode) => mode switch
    {
        DelineationMode.Sectors => "secteurs définis par l'utilisateur",
        DelineationMode.AgencyCatchment => "zones desservies par les agences",
        _ => "communes, avec les parties en QPV isolées",
    };
}
