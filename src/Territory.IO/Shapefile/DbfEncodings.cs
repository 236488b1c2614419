using System.Globalization;
using System.Text;

namespace Territory.IO.Shapefile;

/// <summary>
/// The text encoding of a shapefile's attributes: the one its <c>.cpg</c> names, else the one the
/// <c>.dbf</c> header's language driver byte stands for, else UTF-8 when the text is valid UTF-8 and
/// Windows-1252 otherwise (what French software writes).
/// </summary>
/// <remarks>
/// DOS and Windows code pages (850, 437, 1252…) come from <see cref="CodePagesEncodingProvider"/>,
/// registered here: without it .NET knows only UTF-8, UTF-16, ASCII and Latin-1, and CP850 text came
/// out as « R\uFFFDsidence ». Language driver ids: ESRI's table (ArcGIS « Code page and language driver ID »),
/// as GDAL reads them.
/// </remarks>
internal static class DbfEncodings
{
    private static readonly Dictionary<byte, int> CodePageOfDriver = new()
    {
        [0x01] = 437, [0x02] = 850, [0x03] = 1252, [0x04] = 10000, [0x08] = 865, [0x09] = 437, [0x0A] = 850, [0x0B] = 437,
        [0x0D] = 437, [0x0E] = 850, [0x0F] = 437, [0x10] = 850, [0x11] = 437, [0x12] = 850, [0x13] = 932, [0x14] = 850,
        [0x15] = 437, [0x16] = 850, [0x17] = 865, [0x18] = 437, [0x19] = 437, [0x1A] = 850, [0x1B] = 437, [0x1C] = 863,
        [0x1D] = 850, [0x1F] = 852, [0x22] = 852, [0x23] = 852, [0x24] = 860, [0x25] = 850, [0x26] = 866, [0x37] = 850,
        [0x40] = 852, [0x4D] = 936, [0x4E] = 949, [0x4F] = 950, [0x50] = 874, [0x57] = 1252, [0x58] = 1252, [0x59] = 1252,
        [0x64] = 852, [0x65] = 866, [0x66] = 865, [0x67] = 861, [0x6A] = 737, [0x6B] = 857, [0x6C] = 863, [0x78] = 950,
        [0x79] = 949, [0x7A] = 936, [0x7B] = 932, [0x7C] = 874, [0x7D] = 1255, [0x7E] = 1256, [0x86] = 737, [0x87] = 852,
        [0x88] = 857, [0x96] = 10007, [0x97] = 10029, [0x98] = 10006, [0xC8] = 1250, [0xC9] = 1251, [0xCA] = 1254, [0xCB] = 1253,
        [0xCC] = 1257,
    };

    static DbfEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a <c>.cpg</c> names (« UTF-8 », « 1252 », « CP850 », « ISO-8859-15 », « OEM 850 »…), or null when it names none .NET has.</summary>
    public static Encoding? FromCpg(string text)
    {
        var name = text.Trim().Trim('\uFEFF').ToUpperInvariant();
        if (name.Length == 0)
            return null;
        if (name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) is "UTF8" or "65001")
            return new UTF8Encoding(false);
        if (TryGet(name) is { } direct)
            return direct;
        var digits = new string(name.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        if (name.Contains("8859", StringComparison.Ordinal))
        {
            // 8859_1, ISO88591, ISO 8859-15…: the part after 8859.
            var rest = new string(name[(name.IndexOf("8859", StringComparison.Ordinal) + 4)..].SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
            return rest.Length > 0 ? TryGet("iso-8859-" + rest) : null;
        }
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? TryGet(page) : null;
    }

    /// <summary>The encoding of a <c>.dbf</c>'s language driver id (byte 29 of its header), or null when none is set or known.</summary>
    public static Encoding? FromDriver(byte driver) => CodePageOfDriver.TryGetValue(driver, out var page) ? TryGet(page) : null;

    /// <summary>The language driver byte of a <c>.dbf</c> file (0 when the header is too short).</summary>
    public static byte DriverOf(string dbf)
    {
        using var file = new FileStream(dbf, FileMode.Open, FileAccess.Read, FileShare.Read, 64);
        Span<byte> header = stackalloc byte[32];
        return file.ReadAtLeast(header, 32, throwOnEndOfStream: false) == 32 ? header[29] : (byte)0;
    }

    /// <summary>UTF-8 when every text byte of the table decodes as UTF-8, else Windows-1252 (the header is skipped).</summary>
    public static Encoding Guess(string dbf)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        using var file = new FileStream(dbf, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> header = stackalloc byte[12];
        if (file.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
            return new UTF8Encoding(false);
        file.Position = BitConverter.ToUInt16(header[8..10]);
        try
        {
            int read;
            while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
                strict.GetCharCount(buffer, 0, read, flush: false);
            strict.GetCharCount(buffer, 0, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    private static Encoding? TryGet(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? TryGet(int page)
    {
        try
        {
            return Encoding.GetEncoding(page);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
