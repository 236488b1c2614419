using System.Globalization;
using System.Text;
using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>
/// Writes the row report of an import as CSV, UTF-8 with BOM and <c>;</c> (opens in French Excel):
/// file, row, field, severity, stable code, reason — headers and texts in the report's language.
/// </summary>
public static class ImportReportWriter
{
    private static readonly string[] Columns = ["file", "row", "field", "severity", "code", "reason"];

    /// <summary>Writes <paramref name="result"/>'s issues to <paramref name="path"/> (overwritten).</summary>
    /// <param name="result">The import.</param>
    /// <param name="path">Destination CSV.</param>
    /// <param name="lang">Language of the headers, fields, severities and reasons (the <c>code</c> column never changes).</param>
    public static void WriteCsv(ImportResult result, string path, Lang lang = Lang.Fr)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var w = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        w.Write(string.Join(';', Columns.Select(c => Catalogue.Text(lang, "report_column_" + c))));
        w.Write("\r\n");
        foreach (var i in result.Issues)
        {
            w.Write(Escape(i.File));
            w.Write(';');
            w.Write(i.Row.ToString(CultureInfo.InvariantCulture));
            w.Write(';');
            w.Write(Escape(ImportTexts.Field(i.Field, lang)));
            w.Write(';');
            w.Write(Escape(ImportTexts.Severity(i.Severity).Render(lang)));
            w.Write(';');
            w.Write(i.Code);
            w.Write(';');
            w.Write(Escape(i.Render(lang)));
            w.Write("\r\n");
        }
    }

    private static string Escape(string s) =>
        s.AsSpan().IndexOfAny(";\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
