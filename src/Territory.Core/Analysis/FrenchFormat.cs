using System.Globalization;

namespace Territory.Core.Analysis;

/// <summary>French number formatting (decimal comma, narrow no-break space for thousands).</summary>
/// <remarks>The app runs with invariant globalization, so fr-FR is rebuilt here rather than looked up.</remarks>
public static class FrenchFormat
{
    /// <summary>The number format used in every French text and export.</summary>
    public static NumberFormatInfo Numbers { get; } = Create();

    /// <summary>Formats with up to <paramref name="decimals"/> decimals, e.g. <c>1 234,5</c>.</summary>
    public static string Num(double value, int decimals = 1) =>
        value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), Numbers);

    /// <summary>Formats a share in [0, 1] as a percentage, e.g. <c>42 %</c>.</summary>
    public static string Pct(double share) => Num(share * 100, 0) + "\u00a0%";

    private static NumberFormatInfo Create()
    {
        var n = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        n.NumberDecimalSeparator = ",";
        n.NumberGroupSeparator = "\u202f";
        n.PercentDecimalSeparator = ",";
        n.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(n);
    }
}
