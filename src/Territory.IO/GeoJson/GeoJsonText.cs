using System.Text;
using Territory.Core.Messages;
using Territory.IO.Import;

namespace Territory.IO.GeoJson;

/// <summary>Opens a JSON file as a UTF-8 byte stream, whatever Unicode encoding it was saved in.</summary>
/// <remarks>
/// RFC 8259 asks for UTF-8, but Windows tools save UTF-8 with a BOM and sometimes UTF-16: a UTF-8 BOM is
/// skipped; UTF-16 and UTF-32 (by their BOM, or UTF-16 by the zero bytes of its ASCII characters) are
/// transcoded on the fly. Zero bytes in a UTF-8 file mean binary content: refused.
/// </remarks>
internal static class GeoJsonText
{
    /// <exception cref="ImportException">Binary content (zero bytes) that is not UTF-16 or UTF-32 text.</exception>
    public static Stream OpenUtf8(string path, string fileName)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Span<byte> head = stackalloc byte[4096];
            var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..n];
            var (encoding, bom) = Detect(head);
            file.Position = bom;
            if (encoding is null)
            {
                if (head.IndexOf((byte)0) >= 0)
                    throw new ImportException(Message.Of("geojson_binary", ("file", fileName)));
                return file;
            }
            return Encoding.CreateTranscodingStream(file, encoding, Encoding.UTF8, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The encoding to transcode from (null for UTF-8) and the length of the byte order mark to skip.</summary>
    private static (Encoding? Encoding, int Bom) Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (null, 3);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        // JSON starts with ASCII ({, whitespace): in UTF-16 without BOM every other byte is zero.
        if (head.Length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0)
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 0);
        if (head.Length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 0);
        return (null, 0);
    }
}
