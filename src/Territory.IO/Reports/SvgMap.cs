using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Territory.IO.Reports;

/// <summary>Draws working-CRS geometries into an inline SVG (server-side map image, no external assets).</summary>
/// <remarks>Y is flipped (SVG y grows downwards); coordinates are rounded to 0.1 px.</remarks>
internal sealed class SvgMap
{
    private readonly StringBuilder _body = new();
    private readonly Envelope _extent;
    private readonly double _scale;
    private readonly double _width;
    private readonly double _height;
    private const double Pad = 8;

    public SvgMap(Envelope extent, double width, double maxHeight)
    {
        _extent = extent.Copy();
        if (_extent.Width <= 0 || _extent.Height <= 0)
            _extent.ExpandBy(Math.Max(500, Math.Max(_extent.Width, _extent.Height) * 0.1));
        _extent.ExpandBy(Math.Max(_extent.Width, _extent.Height) * 0.03);
        _scale = Math.Min((width - 2 * Pad) / _extent.Width, (maxHeight - 2 * Pad) / _extent.Height);
        _width = width;
        _height = _extent.Height * _scale + 2 * Pad;
    }

    /// <summary>Metres per pixel, used as simplification tolerance.</summary>
    public double MetresPerPixel => 1 / _scale;

    public void Area(Geometry g, string fill, string stroke, double strokeWidth, string? title = null, double opacity = 1)
    {
        if (g.IsEmpty) return;
        var simple = DouglasPeuckerSimplifier.Simplify(g, MetresPerPixel * 0.7);
        var d = new StringBuilder();
        for (var k = 0; k < simple.NumGeometries; k++)
        {
            if (simple.GetGeometryN(k) is not Polygon p) continue;
            Ring(d, p.ExteriorRing);
            foreach (var h in p.InteriorRings) Ring(d, h);
        }
        if (d.Length == 0) return;
        _body.Append(CultureInfo.InvariantCulture,
            $"<path d=\"{d}\" fill=\"{fill}\" fill-opacity=\"{F(opacity)}\" fill-rule=\"evenodd\" stroke=\"{stroke}\" stroke-width=\"{F(strokeWidth)}\">");
        if (title is not null) _body.Append("<title>").Append(Html.Text(title)).Append("</title>");
        _body.Append("</path>");
    }

    public void Circle(Point p, double radiusPx, string fill, string? title)
    {
        var (x, y) = Px(p.X, p.Y);
        _body.Append(CultureInfo.InvariantCulture,
            $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(radiusPx)}\" fill=\"{fill}\" fill-opacity=\"0.8\" stroke=\"#222\" stroke-width=\"0.6\">");
        if (title is not null) _body.Append("<title>").Append(Html.Text(title)).Append("</title>");
        _body.Append("</circle>");
    }

    public void Square(Point p, double sizePx, string fill, string? title)
    {
        var (x, y) = Px(p.X, p.Y);
        _body.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{F(x - sizePx / 2)}\" y=\"{F(y - sizePx / 2)}\" width=\"{F(sizePx)}\" height=\"{F(sizePx)}\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"0.8\">");
        if (title is not null) _body.Append("<title>").Append(Html.Text(title)).Append("</title>");
        _body.Append("</rect>");
    }

    public void Label(Point p, string text)
    {
        var (x, y) = Px(p.X, p.Y);
        _body.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#111\">{Html.Text(text)}</text>");
    }

    public string ToSvg(string ariaLabel)
    {
        var scaleBar = ScaleBar();
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"img\" aria-label=\"{Html.Attr(ariaLabel)}\" "
             + string.Create(CultureInfo.InvariantCulture, $"width=\"{F(_width)}\" height=\"{F(_height)}\" viewBox=\"0 0 {F(_width)} {F(_height)}\">")
             + "<rect width=\"100%\" height=\"100%\" fill=\"#f7f7f2\"/>" + _body + scaleBar + "</svg>";
    }

    private string ScaleBar()
    {
        var targetM = MetresPerPixel * 100;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(targetM)));
        var nice = new[] { 1, 2, 5, 10 }.Select(k => k * magnitude).Last(v => v <= targetM);
        var px = nice * _scale;
        var label = nice >= 1000 ? $"{(nice / 1000).ToString("0.#", CultureInfo.InvariantCulture)} km" : $"{nice.ToString("0", CultureInfo.InvariantCulture)} m";
        var y = _height - 10;
        return string.Create(CultureInfo.InvariantCulture,
            $"<g class=\"scale\"><line x1=\"10\" y1=\"{F(y)}\" x2=\"{F(10 + px)}\" y2=\"{F(y)}\" stroke=\"#000\" stroke-width=\"2\"/>"
            + $"<text x=\"{F(14 + px)}\" y=\"{F(y + 3)}\" font-size=\"9\">{label}</text></g>");
    }

    private void Ring(StringBuilder d, LineString ring)
    {
        var first = true;
        foreach (var c in ring.Coordinates)
        {
            var (x, y) = Px(c.X, c.Y);
            d.Append(first ? 'M' : 'L').Append(F(x)).Append(' ').Append(F(y));
            first = false;
        }
        d.Append('Z');
    }

    private (double X, double Y) Px(double x, double y) =>
        (Pad + (x - _extent.MinX) * _scale, Pad + (_extent.MaxY - y) * _scale);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
