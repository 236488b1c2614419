using System.Globalization;

namespace Territory.Core.Messages;

/// <summary>Numbers as users read them: French (narrow no-break space for thousands, decimal comma) or English.</summary>
/// <remarks>
/// The app runs with invariant globalization, so the two formats are built here rather than looked
/// up. A value that rounds to zero is written « 0 », never « -0 ». Machine outputs (<c>--json</c>,
/// CSV meant for programs) stay invariant and do not use this class.
/// </remarks>
public static class NumberText
{
    /// <summary>French number format (<c>1 234,5</c>).</summary>
    public static NumberFormatInfo French { get; } = Create(",", "\u202f");

    /// <summary>English number format (<c>1,234.5</c>).</summary>
    public static NumberFormatInfo English { get; } = Create(".", ",");

    /// <summary>The format of a language.</summary>
    public static NumberFormatInfo For(Lang lang) => lang == Lang.En ? English : French;

    /// <summary>Up to <paramref name="decimals"/> decimals, trailing zeros dropped (<c>2,5</c>, <c>2</c>).</summary>
    public static string Format(double value, int decimals, Lang lang) =>
        Clean(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), For(lang));

    /// <summary>Exactly <paramref name="decimals"/> decimals (<c>2,50</c>).</summary>
    public static string Fixed(double value, int decimals, Lang lang) =>
        Clean(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), For(lang));

    /// <summary>A coordinate: up to 5 decimals, no thousands separator (<c>652000</c>, <c>2,35</c> in French).</summary>
    public static string Coordinate(double value, Lang lang) =>
        Clean(value, 5).ToString("0.#####", For(lang));

    /// <summary>A share in [0, 1] as a percentage (<c>42 %</c> in French, <c>42%</c> in English).</summary>
    public static string Percent(double share, int decimals, Lang lang) =>
        Format(share * 100, decimals, lang) + (lang == Lang.En ? "%" : "\u00a0%");

    /// <summary>A difference with its sign (<c>+3</c>, <c>-2,5</c>, <c>0</c>).</summary>
    public static string Signed(double value, int decimals, Lang lang)
    {
        var v = Clean(value, decimals);
        var text = Format(Math.Abs(v), decimals, lang);
        return v > 0 ? "+" + text : v < 0 ? "-" + text : text;
    }

    /// <summary>True when <paramref name="value"/> takes the singular in <paramref name="lang"/> (French: |n| &lt; 2; English: exactly 1).</summary>
    public static bool IsSingular(double value, Lang lang) => lang == Lang.En ? value == 1 : Math.Abs(value) < 2;

    // Rounds first so that -0.04 shown with one decimal is "0", not "-0".
    private static double Clean(double value, int decimals)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return value;
        var r = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return r == 0 ? 0 : r;
    }

    private static NumberFormatInfo Create(string decimalSeparator, string groupSeparator)
    {
        var n = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        n.NumberDecimalSeparator = decimalSeparator;
        n.NumberGroupSeparator = groupSeparator;
        n.PercentDecimalSeparator = decimalSeparator;
        n.PercentGroupSeparator = groupSeparator;
        n.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(n);
    }
}
