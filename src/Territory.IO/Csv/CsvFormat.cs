using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Territory.IO.Import;

namespace Territory.IO.Csv;

/// <summary>Detects the encoding and the separator of a CSV file.</summary>
/// <remarks>
/// Encoding: a UTF-8 BOM means UTF-8; otherwise the whole file is checked as UTF-8 (strict,
/// streamed in chunks, sequences cut by a chunk end carried over) and read as Windows-1252 at
/// the first invalid sequence — French Excel writes 1252 without a BOM. Separator: the most frequent of <c>;</c>, tab and
/// <c>,</c> outside quotes in the header line (ties prefer <c>;</c>, then tab).
/// </remarks>
internal static class CsvFormat
{
    static CsvFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Bytes read at a time while checking a file as UTF-8.</summary>
    internal const int DetectionChunkBytes = 1 << 16;

    public static Encoding DetectEncoding(string path, string fileName)
    {
        using var stream = File.OpenRead(path);
        return DetectEncoding(stream, fileName);
    }

    /// <summary>
    /// Strict UTF-8 validation of the whole stream, chunk by chunk: a multi-byte sequence cut by a
    /// chunk end is carried over to the next chunk, so only a truly invalid sequence (or one left
    /// incomplete at the end of the file) means Windows-1252.
    /// </summary>
    internal static Encoding DetectEncoding(Stream stream, string fileName)
    {
        var buffer = new byte[DetectionChunkBytes];
        var chars = new char[DetectionChunkBytes];
        var first = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (first >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            return new UTF8Encoding(false);
        if (Array.IndexOf(buffer, (byte)0, 0, first) >= 0)
            throw new ImportException($"{fileName}: binary content (NUL bytes), not a CSV text file.");
        int length = first, carried;
        while (true)
        {
            bool last = length < buffer.Length;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: last);
            if (status == OperationStatus.InvalidData || (last && status != OperationStatus.Done))
                return Windows1252;
            if (last)
                return new UTF8Encoding(false);
            // NeedMoreData: at most three bytes of a sequence cut by the chunk end.
            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
            length = carried + stream.ReadAtLeast(buffer.AsSpan(carried), buffer.Length - carried, throwOnEndOfStream: false);
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
