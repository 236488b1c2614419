using System.Globalization;
using Territory.Core.Messages;

namespace Territory.Core.Analysis;

/// <summary>French number formatting (decimal comma, narrow no-break space for thousands).</summary>
/// <remarks>Shorthand for <see cref="NumberText"/> in French; new text goes through the catalogue instead.</remarks>
public static class FrenchFormat
{
    /// <summary>The number format used in every French text and export.</summary>
    public static NumberFormatInfo Numbers => NumberText.French;

    /// <summary>Formats with up to <paramref name="decimals"/> decimals, e.g. <c>1 234,5</c>; never « -0 ».</summary>
    public static string Num(double value, int decimals = 1) => NumberText.Format(value, decimals, Lang.Fr);

    /// <summary>Formats a share in [0, 1] as a percentage, e.g. <c>42 %</c>.</summary>
    public static string Pct(double share) => NumberText.Percent(share, 0, Lang.Fr);
}
