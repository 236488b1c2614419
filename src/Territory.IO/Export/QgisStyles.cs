using System.Globalization;
using System.Security;
using System.Text;
using Territory.Core.Messages;
using Territory.Core.Typology;

namespace Territory.IO.Export;

/// <summary>QGIS layer styles (QML) so an exported GeoPackage opens coloured by territory type.</summary>
/// <remarks>
/// Symbol properties are written both as <c>&lt;Option&gt;</c> maps (QGIS ≥ 3.26) and as
/// <c>&lt;prop&gt;</c> elements (older 3.x), which each version ignores when it does not read them.
/// </remarks>
internal static class QgisStyles
{
    public static string TerritoriesByType(string field) =>
        Categorized(field, "fill", t => FillLayer(Rgba(t.Colour(), 170), "60,60,60,255", "0.3"));

    public static string EstatesByType(string field) =>
        Categorized(field, "marker", t => MarkerLayer("circle", Rgba(t.Colour(), 230), "2.2"));

    public static string SingleFill(string rgba, string outline, string style = "solid") =>
        Single("fill", FillLayer(rgba, outline, "0.6", style));

    public static string SingleMarker(string shape, string rgba, string size) =>
        Single("marker", MarkerLayer(shape, rgba, size));

    private static string Categorized(string field, string symbolType, Func<TerritoryType, string> layer)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<renderer-v2 type=\"categorizedSymbol\" attr=\"{field}\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><categories>");
        var types = TerritoryTypes.All;
        for (var i = 0; i < types.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"<category symbol=\"{i}\" value=\"{types[i].Code()}\" label=\"{SecurityElement.Escape(Catalogue.Text(Lang.Fr, "territory_type_" + types[i].Code()))}\" render=\"true\"/>");
        sb.Append("</categories><symbols>");
        for (var i = 0; i < types.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"<symbol type=\"{symbolType}\" name=\"{i}\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">{layer(types[i])}</symbol>");
        sb.Append("</symbols></renderer-v2>");
        return Document(sb.ToString());
    }

    private static string Single(string symbolType, string layer) =>
        Document($"<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><symbols><symbol type=\"{symbolType}\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">{layer}</symbol></symbols></renderer-v2>");

    private static string Document(string renderer) =>
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.28.0\" styleCategories=\"Symbology\">" + renderer + "</qgis>";

    private static string FillLayer(string color, string outline, string width, string style = "solid") =>
        Layer("SimpleFill", ("color", color), ("outline_color", outline), ("outline_width", width), ("outline_width_unit", "MM"), ("style", style), ("outline_style", "solid"));

    private static string MarkerLayer(string shape, string color, string size) =>
        Layer("SimpleMarker", ("name", shape), ("color", color), ("outline_color", "35,35,35,255"), ("outline_width", "0.2"), ("size", size), ("size_unit", "MM"));

    private static string Layer(string cls, params (string Key, string Value)[] props)
    {
        var sb = new StringBuilder($"<layer class=\"{cls}\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">");
        foreach (var (k, v) in props)
            sb.Append(CultureInfo.InvariantCulture, $"<Option type=\"QString\" name=\"{k}\" value=\"{v}\"/>");
        sb.Append("</Option>");
        foreach (var (k, v) in props)
            sb.Append(CultureInfo.InvariantCulture, $"<prop k=\"{k}\" v=\"{v}\"/>");
        sb.Append("</layer>");
        return sb.ToString();
    }

    /// <summary>"#rrggbb" → "r,g,b,a" as QML wants it.</summary>
    internal static string Rgba(string hex, int alpha)
    {
        var r = Convert.ToInt32(hex.Substring(1, 2), 16);
        var g = Convert.ToInt32(hex.Substring(3, 2), 16);
        var b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return string.Create(CultureInfo.InvariantCulture, $"{r},{g},{b},{alpha}");
    }
}
