using System.Text;

namespace Territory.IO.Import;

/// <summary>Writes the row report of an import as CSV: <c>file;row;field;severity;reason</c>, UTF-8 with BOM (opens in French Excel).</summary>
public static class ImportReportWriter
{
    /// <summary>Writes <paramref name="result"/>'s issues to <paramref name="path"/> (overwritten).</summary>
    public static void WriteCsv(ImportResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var w = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        w.Write("file;row;field;severity;reason\r\n");
        foreach (var i in result.Issues)
        {
            w.Write(Escape(i.File));
            w.Write(';');
            w.Write(i.Row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Write(';');
            w.Write(Escape(i.Field ?? ""));
            w.Write(';');
            w.Write(i.Severity.ToString());
            w.Write(';');
            w.Write(Escape(i.Reason));
            w.Write("\r\n");
        }
    }

    private static string Escape(string s) =>
        s.AsSpan().IndexOfAny(";\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
