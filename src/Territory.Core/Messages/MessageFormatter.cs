using System.Collections;
using System.Globalization;
using System.Text;

namespace Territory.Core.Messages;

/// <summary>Fills a catalogue template with a message's values.</summary>
/// <remarks>
/// <para>Placeholders: <c>{name}</c> or <c>{name:format}</c>; <c>{{</c> and <c>}}</c> are literal braces.</para>
/// <para>Formats: <c>n0</c>–<c>n3</c> (up to k decimals; the default for numbers: integers n0, others n2),
/// <c>f0</c>–<c>f3</c> (exactly k decimals), <c>pct</c>/<c>pct1</c> (a share in [0, 1] as a percentage),
/// <c>signed</c>/<c>signed1</c> (a difference with its sign), <c>plural:one|other</c> (the word only,
/// by the value's number), <c>count:one|other</c> (the number then the word: « 1 logement », « 2 736 logements»),
/// <c>list</c> (values joined by « , »), <c>coord</c> (a coordinate: up to 5 decimals, no thousands separator).</para>
/// </remarks>
internal static class MessageFormatter
{
    public static string Format(string template, Message message, Lang lang)
    {
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                sb.Append('{');
                i++;
                continue;
            }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                sb.Append('}');
                i++;
                continue;
            }
            if (c != '{')
            {
                sb.Append(c);
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            if (end < 0)
                throw new FormatException($"Unclosed placeholder in template of {message.Code}.");
            var body = template.AsSpan(i + 1, end - i - 1);
            var colon = body.IndexOf(':');
            var name = (colon < 0 ? body : body[..colon]).ToString();
            var format = colon < 0 ? null : body[(colon + 1)..].ToString();
            sb.Append(Value(message[name], format, lang));
            i = end;
        }
        return sb.ToString();
    }

    /// <summary>Placeholder names of a template, for the catalogue's consistency checks.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
                continue;
            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            if (end < 0)
                yield break;
            var body = template[(i + 1)..end];
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            yield return colon < 0 ? body : body[..colon];
            i = end;
        }
    }

    private static string Value(object? value, string? format, Lang lang)
    {
        switch (value)
        {
            case null:
                return "";
            case Message m:
                return m.Render(lang);
            case string s when format is null or "list":
                return s;
            case IEnumerable e when value is not string:
                return string.Join(", ", e.Cast<object?>().Select(x => Value(x, null, lang)));
        }
        if (!TryNumber(value, out var number, out var integral))
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        if (format is null)
            return NumberText.Format(number, integral ? 0 : 2, lang);
        if (format.StartsWith("plural:", StringComparison.Ordinal))
            return Word(format[7..], number, lang);
        if (format.StartsWith("count:", StringComparison.Ordinal))
            return NumberText.Format(number, integral ? 0 : 2, lang) + "\u00a0" + Word(format[6..], number, lang);
        return format switch
        {
            "pct" => NumberText.Percent(number, 0, lang),
            "pct1" => NumberText.Percent(number, 1, lang),
            "signed" => NumberText.Signed(number, 0, lang),
            "signed1" => NumberText.Signed(number, 1, lang),
            "coord" => NumberText.Coordinate(number, lang),
            ['n', var d] when char.IsAsciiDigit(d) => NumberText.Format(number, d - '0', lang),
            ['f', var d] when char.IsAsciiDigit(d) => NumberText.Fixed(number, d - '0', lang),
            _ => throw new FormatException($"Unknown format '{format}'."),
        };
    }

    private static string Word(string forms, double number, Lang lang)
    {
        var bar = forms.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
            return forms;
        return NumberText.IsSingular(number, lang) ? forms[..bar] : forms[(bar + 1)..];
    }

    private static bool TryNumber(object value, out double number, out bool integral)
    {
        switch (value)
        {
            case int i: number = i; integral = true; return true;
            case long l: number = l; integral = true; return true;
            case short s: number = s; integral = true; return true;
            case uint u: number = u; integral = true; return true;
            case double d: number = d; integral = false; return true;
            case float f: number = f; integral = false; return true;
            case decimal m: number = (double)m; integral = false; return true;
            default: number = 0; integral = false; return false;
        }
    }
}
