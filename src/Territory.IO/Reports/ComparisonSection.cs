using System.Text;

namespace Territory.IO.Reports;

/// <summary>The scenario comparison as a section of the HTML report, or as a report of its own (<c>scenario compare --report</c>).</summary>
/// <remarks>Text arrives rendered (the caller owns the language); everything is HTML-escaped; numbers are right-aligned.</remarks>
public static class ComparisonSection
{
    /// <summary>Appends the section (title, table, notes, territories that change).</summary>
    public static void Write(StringBuilder sb, ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(table);
        sb.Append("<section class=\"comparison\"><h2>").Append(Html.Text(table.Title)).Append("</h2>");
        Table(sb, table.Headers, table.Rows);
        foreach (var n in table.Notes)
            sb.Append("<p class=\"note\">").Append(Html.Text(n)).Append("</p>");
        if (table.Changes.Count > 0)
        {
            sb.Append("<h3>").Append(Html.Text(table.ChangesTitle ?? "")).Append("</h3>");
            Table(sb, table.ChangeHeaders, table.Changes);
        }
        sb.Append("</section>");
    }

    /// <summary>A self-contained page holding the section (UTF-8, overwritten).</summary>
    public static void WritePage(string path, ComparisonTable table, string lang, string pageTitle)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(Html.Attr(lang)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(Html.Text(pageTitle)).Append("</title><style>").Append(ReportStyle.Css).Append("</style></head><body>");
        sb.Append("<header><h1>").Append(Html.Text(pageTitle)).Append("</h1></header>");
        Write(sb, table);
        sb.Append("</body></html>");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static void Table(StringBuilder sb, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        sb.Append("<table><thead><tr>");
        foreach (var h in headers) sb.Append("<th>").Append(Html.Text(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
                sb.Append(i == 0 ? "<td>" : "<td class=\"n\">").Append(Html.Text(row[i])).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
    }
}
