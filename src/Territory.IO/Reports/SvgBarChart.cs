using System.Globalization;
using System.Text;

namespace Territory.IO.Reports;

/// <summary>A horizontal bar chart as inline SVG.</summary>
internal static class SvgBarChart
{
    public static string Render(string title, IReadOnlyList<(string Label, double Value, string ValueText, string Color)> bars)
    {
        const double labelWidth = 330, barMax = 300, row = 24, top = 22;
        var max = bars.Count == 0 ? 1 : Math.Max(1e-9, bars.Max(b => b.Value));
        var height = top + bars.Count * row + 8;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-label=\"{Html.Attr(title)}\" width=\"720\" height=\"{height}\" viewBox=\"0 0 720 {height}\">");
        sb.Append("<text x=\"0\" y=\"14\" font-size=\"12\" font-weight=\"bold\">").Append(Html.Text(title)).Append("</text>");
        for (var k = 0; k < bars.Count; k++)
        {
            var (label, value, text, color) = bars[k];
            var y = top + k * row;
            var w = value / max * barMax;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"11\">").Append(Html.Text(label)).Append("</text>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"16\" fill=\"{color}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 15}\" font-size=\"11\">")
              .Append(Html.Text(text)).Append("</text>");
        }
        return sb.Append("</svg>").ToString();
    }
}
