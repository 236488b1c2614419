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
        if (Utf16Of(path) is { } utf16)
            return utf16;
        RefuseBinary(path, fileName);
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
            throw new ImportException(Core.Messages.Message.Of("csv_binary_content", ("file", fileName)));
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

    /// <summary>Longest header line read, characters: a header beyond it is not one (a binary or one-line file), refused before it fills memory.</summary>
    public const int MaxHeaderChars = 1 << 20;

    /// <summary>UTF-16 by its byte order mark, or by the zero bytes of its ASCII characters (Excel's « Texte Unicode »); null otherwise.</summary>
    internal static Encoding? Utf16Of(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4)
                return null;
        }
        if (head[0] == 0xFF && head[1] == 0xFE && !(head[2] == 0 && head[3] == 0))
            return Encoding.Unicode;
        if (head[0] == 0xFE && head[1] == 0xFF)
            return Encoding.BigEndianUnicode;
        if (head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0)
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        if (head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        return null;
    }

    /// <summary>A zero byte anywhere in a file that is not UTF-16 means binary content (a spreadsheet, an image): refused, with where.</summary>
    internal static void RefuseBinary(string path, string fileName)
    {
        var buffer = new byte[1 << 16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        long offset = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var at = buffer.AsSpan(0, read).IndexOf((byte)0);
            if (at >= 0)
                throw new ImportException(Core.Messages.Message.Of("csv_binary", ("file", fileName), ("offset", offset + at)));
            offset += read;
        }
    }

    /// <summary>The first line, at most <see cref="MaxHeaderChars"/> characters.</summary>
    /// <exception cref="ImportException">No line break within the limit.</exception>
    internal static string? ReadHeaderLine(string path, Encoding encoding, string fileName)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0 && c != '\n')
        {
            if (line.Length >= MaxHeaderChars)
                throw new ImportException(Core.Messages.Message.Of("csv_header_too_long", ("file", fileName), ("max", MaxHeaderChars)));
            line.Append((char)c);
        }
        return c < 0 && line.Length == 0 ? null : line.ToString().TrimEnd('\r');
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
