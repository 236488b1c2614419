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
    /// <param name="result">The import (a streamed one: its file-level issues, then every row issue from its spill).</param>
    /// <param name="path">Destination CSV.</param>
    /// <param name="lang">Language of the headers, fields, severities and reasons (the <c>code</c> column never changes).</param>
    public static void WriteCsv(ImportResult result, string path, Lang lang = Lang.Fr)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var w = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        w.Write(string.Join(';', Columns.Select(c => Catalogue.Text(lang, "report_column_" + c))));
        w.Write("\r\n");
        foreach (var i in result.Issues)
        {
            if (result.Spill is null || i.Row == 0)
                Line(w, i.File, i.Row, i.Field, i.Severity, i.Code, i.Render(lang), lang);
        }
        if (result.Spill is { } spill)
        {
            foreach (var (row, field, severity, code, text) in spill.Read(lang))
                Line(w, spill.FileName, row, field, severity, code, text, lang);
        }
    }

    private static void Line(StreamWriter w, string file, long row, string? field, ImportIssueSeverity severity, string code, string text, Lang lang)
    {
        w.Write(Escape(file));
        w.Write(';');
        w.Write(row.ToString(CultureInfo.InvariantCulture));
        w.Write(';');
        w.Write(Escape(ImportTexts.Field(field, lang)));
        w.Write(';');
        w.Write(Escape(ImportTexts.Severity(severity).Render(lang)));
        w.Write(';');
        w.Write(code);
        w.Write(';');
        w.Write(Escape(text));
        w.Write("\r\n");
    }

    private static string Escape(string s) =>
        s.AsSpan().IndexOfAny(";\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
