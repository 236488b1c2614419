using System.Text;
using Territory.IO.Import;

namespace Territory.IO.Csv;

/// <summary>Detects the encoding and the separator of a CSV file.</summary>
/// <remarks>
/// Encoding: a UTF-8 BOM means UTF-8; otherwise the whole file is checked as UTF-8 (a streaming
/// decoder, no allocation per line) and read as Windows-1252 at the first invalid sequence —
/// French Excel writes 1252 without a BOM. Separator: the most frequent of <c>;</c>, tab and
/// <c>,</c> outside quotes in the header line (ties prefer <c>;</c>, then tab).
/// </remarks>
internal static class CsvFormat
{
    static CsvFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static Encoding DetectEncoding(string path, string fileName)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var first = stream.Read(buffer, 0, buffer.Length);
        if (first >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            return new UTF8Encoding(false);
        if (Array.IndexOf(buffer, (byte)0, 0, first) >= 0)
            throw new ImportException($"{fileName}: binary content (NUL bytes), not a CSV text file.");
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var read = first;
        try
        {
            while (read > 0)
            {
                decoder.GetCharCount(buffer, 0, read, flush: false);
                read = stream.Read(buffer, 0, buffer.Length);
            }
            decoder.GetCharCount(buffer, 0, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }
    }

    public static char SniffDelimiter(string headerLine)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted)
            {
                if (c == ';') semicolons++;
                else if (c == ',') commas++;
                else if (c == '\t') tabs++;
            }
        }
        if (semicolons >= commas && semicolons >= tabs && semicolons > 0)
            return ';';
        return tabs >= commas && tabs > 0 ? '\t' : ',';
    }
}
