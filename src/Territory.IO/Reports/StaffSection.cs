using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Staff;
using Territory.IO.Export;

namespace Territory.IO.Reports;

/// <summary>The report's means against needs: per type and per agency (with the organisation-model flags), and per territory.</summary>
internal static class StaffSection
{
    public static void WriteSummary(StringBuilder sb, AnalysisResult result, Lang lang)
    {
        sb.Append("<h2 id=\"moyens\">").Append(T(lang, "staff_heading")).Append("</h2><p class=\"muted\">").Append(T(lang, "staff_ratios_source")).Append("</p>");
        var rows = AnalysisRows.Staff(result, lang).Where(r => r.Level != "territory").ToList();
        if (rows.Count > 0)
        {
            Header(sb, lang, withLevel: true);
            foreach (var r in rows)
                Row(sb, lang, Catalogue.Text(lang, "staff_level_" + r.Level), r.Name, r.Staff);
            sb.Append("</table>");
        }
        var flagged = result.Agencies.Where(a => a.Flags.Count > 0).ToList();
        if (flagged.Count == 0)
            return;
        sb.Append("<h3>").Append(T(lang, "staff_flags_heading")).Append("</h3><ul>");
        foreach (var a in flagged)
            foreach (var f in a.Flags)
                sb.Append("<li class=\"flag\">").Append(Html.Text(a.Agency.Name ?? a.Agency.Id)).Append(" — ").Append(Html.Text(f.Render(lang))).Append("</li>");
        sb.Append("</ul>");
    }

    public static void WriteTerritory(StringBuilder sb, TerritoryResult t, Lang lang)
    {
        if (t.OwnDwellings == 0)
            return;
        sb.Append("<h3>").Append(T(lang, "staff_heading")).Append("</h3>");
        Header(sb, lang, withLevel: false);
        Row(sb, lang, null, t.Name, t.Staff);
        sb.Append("</table>");
    }

    private static void Header(StringBuilder sb, Lang lang, bool withLevel)
    {
        sb.Append("<table class=\"staff\"><tr>");
        if (withLevel)
            sb.Append("<th>").Append(T(lang, "staff_col_level")).Append("</th>");
        foreach (var code in new[] { "staff_col_name", "staff_col_needed_site", "staff_col_declared_site", "staff_col_needed_proximity",
                     "staff_col_declared_proximity", "staff_col_drive", "staff_col_gap", "staff_col_unlocated" })
            sb.Append("<th>").Append(T(lang, code)).Append("</th>");
        sb.Append("</tr>");
    }

    private static void Row(StringBuilder sb, Lang lang, string? level, string name, StaffBalance s)
    {
        sb.Append("<tr").Append(s.GapFte > 0.05 ? " class=\"flag\"" : "").Append('>');
        if (level is not null)
            sb.Append("<td>").Append(Html.Text(level)).Append("</td>");
        sb.Append("<td>").Append(Html.Text(name)).Append("</td>");
        foreach (var v in new[] { s.NeededSiteFte, s.DeclaredSiteFte, s.NeededProximityFte, s.DeclaredProximityFte, s.DriveHoursPerWeek, s.GapFte, s.UnlocatedSiteFte })
            sb.Append("<td class=\"n\">").Append(Html.Text(NumberText.Format(v, 1, lang))).Append("</td>");
        sb.Append("</tr>");
    }

    private static string T(Lang lang, string code) => Html.Text(Catalogue.Text(lang, code));
}
