using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.IO.Export;

namespace Territory.IO.Reports;

/// <summary>The report's presence plan: the ranked action plan of the whole organisation, and each territory's plan with its stakes.</summary>
internal static class PlanSection
{
    /// <summary>Every action of every territory, the legal obligation first, then by dwellings concerned.</summary>
    public static void WriteActionPlan(StringBuilder sb, AnalysisResult result, Lang lang)
    {
        sb.Append("<h2 id=\"plan\">").Append(T(lang, "plan_action_heading")).Append("</h2><p class=\"muted\">").Append(T(lang, "plan_action_intro")).Append("</p>");
        var actions = result.Territories.SelectMany(t => t.Plan.Where(p => p.Status.IsAction()).Select(p => (Territory: t, Item: p)))
            .OrderBy(x => x.Item.Legal ? 0 : 1).ThenByDescending(x => x.Item.DwellingsConcerned).ThenBy(x => x.Territory.Id, StringComparer.Ordinal).ToList();
        if (actions.Count == 0)
        {
            sb.Append("<p>").Append(T(lang, "plan_no_action")).Append("</p>");
            return;
        }
        sb.Append("<table class=\"plan\"><tr><th>").Append(T(lang, "plan_col_rank")).Append("</th><th>").Append(T(lang, "plan_col_territory"))
          .Append("</th><th>").Append(T(lang, "plan_col_form")).Append("</th><th>").Append(T(lang, "plan_col_status")).Append("</th><th>")
          .Append(T(lang, "plan_col_size")).Append("</th><th>").Append(T(lang, "plan_col_dwellings")).Append("</th><th>").Append(T(lang, "plan_col_reason"))
          .Append("</th></tr>");
        var rank = 0;
        foreach (var (t, p) in actions)
        {
            sb.Append("<tr").Append(p.Legal ? " class=\"flag\"" : "").Append("><td class=\"n\">").Append(++rank).Append("</td><td><a href=\"#t-")
              .Append(Html.Attr(t.Id)).Append("\">").Append(Html.Text(t.Name)).Append("</a></td><td>").Append(T(lang, p.Form.LabelCode()))
              .Append(p.Legal ? $" <span class=\"muted\">({T(lang, "plan_legal_mark")})</span>" : "").Append("</td><td>").Append(T(lang, p.Status.LabelCode()))
              .Append("</td><td>").Append(Html.Text(Size(p, lang))).Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(p.DwellingsConcerned, 0, lang)))
              .Append("</td><td>").Append(Html.Text(p.Reason.Render(lang))).Append("</td></tr>");
        }
        sb.Append("</table>");
    }

    /// <summary>One territory's plan (not retained forms folded), its stakes, context and organisation.</summary>
    public static void WriteTerritory(StringBuilder sb, TerritoryResult t, Lang lang)
    {
        sb.Append("<h3>").Append(T(lang, "plan_heading")).Append("</h3>");
        var shown = t.Plan.Where(p => p.Status != PlanStatus.NotRetained).ToList();
        if (shown.Count > 0)
        {
            sb.Append("<table class=\"plan\"><tr><th>").Append(T(lang, "plan_col_rank")).Append("</th><th>").Append(T(lang, "plan_col_form")).Append("</th><th>")
              .Append(T(lang, "plan_col_status")).Append("</th><th>").Append(T(lang, "plan_col_size")).Append("</th><th>").Append(T(lang, "plan_col_reason"))
              .Append("</th></tr>");
            foreach (var p in shown)
                sb.Append("<tr").Append(p.Legal ? " class=\"flag\"" : "").Append("><td class=\"n\">").Append(p.Rank).Append("</td><td>")
                  .Append(T(lang, p.Form.LabelCode())).Append("</td><td>").Append(T(lang, p.Status.LabelCode())).Append("</td><td>")
                  .Append(Html.Text(Size(p, lang))).Append("</td><td>").Append(Html.Text(p.Reason.Render(lang))).Append("</td></tr>");
            sb.Append("</table>");
        }
        var dropped = t.Plan.Where(p => p.Status == PlanStatus.NotRetained).ToList();
        if (dropped.Count > 0)
        {
            sb.Append("<details><summary>").Append(Html.Text(Catalogue.Text(lang, "plan_not_retained_heading", ("count", dropped.Count)))).Append("</summary><ul>");
            foreach (var p in dropped)
                sb.Append("<li><strong>").Append(T(lang, p.Form.LabelCode())).Append("</strong> — ").Append(Html.Text(p.Reason.Render(lang))).Append("</li>");
            sb.Append("</ul></details>");
        }
        List(sb, T(lang, "stakes_heading"), t.Stakes, lang, Html.Text(Stakes.Source.Render(lang)));
        List(sb, T(lang, "context_heading"), t.Context, lang, null);
        List(sb, T(lang, "organisation_heading"), t.Organisation, lang, null);
    }

    private static void List(StringBuilder sb, string heading, IReadOnlyList<Message> items, Lang lang, string? source)
    {
        if (items.Count == 0)
            return;
        sb.Append("<h3>").Append(heading).Append("</h3><ul>");
        foreach (var m in items)
            sb.Append("<li>").Append(Html.Text(m.Render(lang))).Append("</li>");
        sb.Append("</ul>");
        if (source is not null)
            sb.Append("<p class=\"muted\">").Append(source).Append("</p>");
    }

    private static string Size(PlanItem p, Lang lang) =>
        AnalysisRows.Quantity(p, lang) is { } q ? AnalysisRows.Sites(p, lang) is { } s ? $"{q} ({s})" : q : "—";

    private static string T(Lang lang, string code) => Html.Text(Catalogue.Text(lang, code));
}
