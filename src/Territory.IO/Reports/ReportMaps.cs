using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Caretaking;
using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.IO.Reports;

/// <summary>The report's map images: overview of all territories and one map per territory.</summary>
internal sealed class ReportMaps(AnalysisResult result, Lang lang = Lang.Fr)
{
    private readonly Dictionary<string, Estate> _estates = result.Input.Estates
        .GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly Dictionary<string, Commune> _communes = result.Input.Communes
        .GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly Dictionary<string, CaretakingEnsemble> _ensembles = result.Ensembles
        .GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly STRtree<Estate> _estateIndex = Index(result.Input.Estates);

    /// <summary>Ensemble by id (null when unknown).</summary>
    public CaretakingEnsemble? Ensemble(string id) => _ensembles.GetValueOrDefault(id);

    private static STRtree<Estate> Index(IEnumerable<Estate> estates)
    {
        var tree = new STRtree<Estate>();
        foreach (var e in estates) tree.Insert(e.Geometry.EnvelopeInternal, e);
        return tree;
    }

    public string Overview()
    {
        var extent = new Envelope();
        foreach (var t in result.Territories) extent.ExpandToInclude(t.Geometry.EnvelopeInternal);
        if (extent.IsNull) return "";
        var map = new SvgMap(extent, 720, 620);
        foreach (var t in result.Territories)
            map.Area(t.Geometry, ReportStyle.Color(t.Type), "#555", 0.6, $"{t.Name} — {AnalysisHtmlReport.TypeLabel(t.Type, lang)}", 0.55);
        foreach (var d in result.Input.Districts.Where(d => d.Geometry.EnvelopeInternal.Intersects(extent)))
            map.Area(d.Geometry, "none", ReportStyle.QpvFill, 1.2, T("report_map_qpv", ("code", d.Code), ("name", d.Name)));
        foreach (var e in result.Input.Estates)
            map.Circle(Location(e), 1.5 + Math.Min(6, Math.Sqrt(e.Dwellings) / 4), "#333", null);
        Agencies(map, extent);
        return map.ToSvg(T("report_map_overview"));
    }

    public string Territory(TerritoryResult t)
    {
        var own = t.EstateIds.Select(id => _estates.GetValueOrDefault(id)).OfType<Estate>().ToList();
        var extent = t.Geometry.EnvelopeInternal.Copy();
        foreach (var e in own) extent.ExpandToInclude(e.Geometry.EnvelopeInternal);
        var map = new SvgMap(extent, 640, 420);
        var commune = t.CommuneCode is null || t.Kind is not (Core.Territories.TerritoryKind.Commune or Core.Territories.TerritoryKind.QpvPart)
            ? null : _communes.GetValueOrDefault(t.CommuneCode);
        if (commune is not null)
            map.Area(commune.Geometry, "#ffffff", "#777", 1, T("report_map_commune", ("name", commune.Name ?? commune.Code)));
        map.Area(t.Geometry, ReportStyle.Color(t.Type), ReportStyle.Color(t.Type), 1.5, t.Name, 0.22);
        foreach (var d in result.Input.Districts.Where(d => d.Geometry.EnvelopeInternal.Intersects(extent)))
            map.Area(d.Geometry, ReportStyle.QpvFill, ReportStyle.QpvFill, 1.2, T("report_map_qpv", ("code", d.Code), ("name", d.Name)), 0.15);
        var ownIds = new HashSet<string>(t.EstateIds, StringComparer.Ordinal);
        foreach (var e in _estateIndex.Query(extent).Where(e => !ownIds.Contains(e.Id)))
            map.Circle(Location(e), 2.5, "#aaaaaa", T("report_map_estate_outside", ("name", e.Name ?? e.Id), ("landlord", e.Landlord), ("dwellings", e.Dwellings)));
        foreach (var e in own.OrderByDescending(e => e.Dwellings))
            map.Circle(Location(e), Radius(e.Dwellings), ReportStyle.Color(t.Type), T("report_map_estate", ("name", e.Name ?? e.Id), ("landlord", e.Landlord), ("dwellings", e.Dwellings)));
        Agencies(map, extent);
        return map.ToSvg(T("report_map_territory", ("name", t.Name)));
    }

    /// <summary>Circle radius in pixels, area proportional to dwellings.</summary>
    internal static double Radius(int dwellings) => Math.Clamp(2.5 + Math.Sqrt(dwellings) * 0.9, 3, 22);

    private void Agencies(SvgMap map, Envelope extent)
    {
        foreach (var a in result.Input.Agencies.Where(a => extent.Intersects(a.Location.Coordinate)))
            map.Square(a.Location, a.Kind == AgencyKind.Loge ? 6 : 9, a.Kind == AgencyKind.Loge ? ReportStyle.LodgeFill : ReportStyle.AgencyFill,
                $"{AgencyKindLabel(a.Kind, lang)} {a.Name ?? a.Id}");
    }

    internal static string AgencyKindLabel(AgencyKind kind, Lang lang = Lang.Fr)
    {
        var text = Catalogue.Text(lang, "point_kind_" + kind.Code());
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private string T(string code, params (string, object?)[] values) => Catalogue.Text(lang, code, values);

    private static Point Location(Estate e) => e.Geometry as Point ?? e.Geometry.InteriorPoint;
}
