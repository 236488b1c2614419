using System.Text;
using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;

namespace Territory.IO.Reports;

/// <summary>The report's caretaking obligation: the rule in words a director can check, each landlord's figures apart, the ensembles.</summary>
internal static class CaretakingSection
{
    public static void WriteSummary(StringBuilder sb, AnalysisResult result, Lang lang)
    {
        sb.Append("<h2 id=\"gardiennage\">").Append(T(lang, "caretaking_heading")).Append("</h2><p class=\"muted\">").Append(T(lang, "caretaking_citation"))
          .Append("</p><p class=\"muted\">").Append(Html.Text(Catalogue.Text(lang, "caretaking_disclaimer", ("meters", result.Config.Caretaking.EnsembleLinkMeters))))
          .Append("</p>");
        foreach (var l in result.Caretaking)
        {
            var of = result.Ensembles.Where(e => e.Landlord == l.Landlord).ToList();
            sb.Append("<p").Append(l.DeficitFte > 1e-9 ? " class=\"flag\"" : "").Append("><strong>")
              .Append(Html.Text(Catalogue.Text(lang, l.Own ? "caretaking_landlord_own" : "caretaking_landlord_other", ("landlord", l.Landlord))))
              .Append("</strong> : ").Append(Html.Text(Catalogue.Text(lang, "caretaking_summary", ("applicable", of.Count(e => e.Applies)),
                  ("deficit", l.EnsemblesInDeficit), ("required", l.RequiredFte), ("declared", l.DeclaredFte), ("missing", l.DeficitFte),
                  ("to_check", of.Count(e => e.Status == CaretakingStatus.ToCheck)), ("not_assessable", l.NotAssessableDwellings))))
              .Append("</p>");
        }
        var shown = result.Ensembles.Where(e => e.Status != CaretakingStatus.NotApplicable)
            .OrderByDescending(e => e.Landlord == result.OwnLandlord).ThenByDescending(e => e.DeficitFte).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (shown.Count == 0)
        {
            sb.Append("<p>").Append(T(lang, "caretaking_none")).Append("</p>");
            return;
        }
        sb.Append("<table>");
        Header(sb, lang);
        foreach (var e in shown)
            Row(sb, lang, e, result.OwnLandlord);
        sb.Append("</table>");
    }

    public static void WriteTerritory(StringBuilder sb, TerritoryResult t, AnalysisResult result, Lang lang)
    {
        var ensembles = t.EnsembleIds.Select(id => result.Ensembles.FirstOrDefault(e => e.Id == id)).OfType<CaretakingEnsemble>()
            .Where(e => e.Status != CaretakingStatus.NotApplicable).ToList();
        if (ensembles.Count == 0)
            return;
        sb.Append("<h3>").Append(T(lang, "caretaking_heading")).Append("</h3><table>");
        Header(sb, lang);
        foreach (var e in ensembles.OrderByDescending(e => e.Landlord == result.OwnLandlord).ThenBy(e => e.Id, StringComparer.Ordinal))
            Row(sb, lang, e, result.OwnLandlord);
        sb.Append("</table>");
    }

    private static void Header(StringBuilder sb, Lang lang)
    {
        sb.Append("<tr>");
        foreach (var code in new[] { "caretaking_col_ensemble", "caretaking_col_landlord", "caretaking_col_dwellings", "caretaking_col_status", "caretaking_col_ground",
                     "caretaking_col_required", "caretaking_col_declared", "caretaking_col_cover", "caretaking_col_deficit" })
            sb.Append("<th>").Append(T(lang, code)).Append("</th>");
        sb.Append("</tr>");
    }

    private static void Row(StringBuilder sb, Lang lang, CaretakingEnsemble e, string own)
    {
        var landlord = Catalogue.Text(lang, e.Landlord == own ? "caretaking_landlord_own" : "caretaking_landlord_other", ("landlord", e.Landlord));
        sb.Append("<tr").Append(e.Deficit ? " class=\"flag\"" : "").Append("><td>").Append(Html.Text(e.Id)).Append("</td><td>").Append(Html.Text(landlord))
          .Append("</td><td class=\"n\">").Append(Html.Text(NumberText.Format(e.Dwellings, 0, lang))).Append("</td><td>").Append(T(lang, e.Status.LabelCode()))
          .Append("</td><td>").Append(Html.Text(e.Ground.Render(lang))).Append("</td>");
        foreach (var v in new[] { e.RequiredFte, e.DeclaredFte, e.AgencyCoverFte, e.DeficitFte })
            sb.Append("<td class=\"n\">").Append(Html.Text(NumberText.Format(v, 2, lang))).Append("</td>");
        sb.Append("</tr>");
    }

    private static string T(Lang lang, string code) => Html.Text(Catalogue.Text(lang, code));
}
