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
        // Try the plain invariant form first only when there is no comma: a failed parse costs as much as a good one.
        if (text.IndexOfAny(',', ' ', '\u00A0') < 0)
            return double.TryParse(text, Style, CultureInfo.InvariantCulture, out value) || TryThinSpace(text, out value);
        if (text.Length > 64)
        {
            value = double.NaN;
            return false;
        }
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

    private static bool TryThinSpace(ReadOnlySpan<char> text, out double value)
    {
        value = double.NaN;
        if (text.IndexOf('\u202F') < 0 || text.Length > 64)
            return false;
        Span<char> buf = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c != '\u202F')
                buf[n++] = c;
        }
        return double.TryParse(buf[..n], Style, CultureInfo.InvariantCulture, out value);
    }
}
