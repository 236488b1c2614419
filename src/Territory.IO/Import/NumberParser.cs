using System.Globalization;

namespace Territory.IO.Import;

/// <summary>Parses numbers as French spreadsheets write them: decimal comma or point, spaces as thousands separators.</summary>
internal static class NumberParser
{
    private const NumberStyles Style = NumberStyles.Float;

    public static bool TryParse(ReadOnlySpan<char> text, out double value, out bool present)
    {
        text = text.Trim();
        present = !text.IsEmpty;
        if (!present)
        {
            value = double.NaN;
            return false;
        }
        if (double.TryParse(text, Style, CultureInfo.InvariantCulture, out value))
            return true;
        if (text.Length > 64)
            return false;
        // Decimal comma and (non-breaking) space thousands separators: copy without allocating.
        Span<char> buf = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '\u00A0' or '\u202F')
                continue;
            buf[n++] = c == ',' ? '.' : c;
        }
        return double.TryParse(buf[..n], Style, CultureInfo.InvariantCulture, out value);
    }
}
