using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>
/// Whether a reference layer belongs to the project's area: a layer from another region (communes of another
/// département, France Services points of the whole country) would be accepted row by row and leave every
/// estate unmatched without a word.
/// </summary>
/// <remarks>
/// <para>Communes: the share of the project's estates that fall inside one of the imported polygons; under
/// half is <see cref="OverlapVerdict.Insufficient"/>.</para>
/// <para>QPV, agencies, candidate sites: how many features lie within <see cref="NearMeters"/> of an
/// estate; none is <see cref="OverlapVerdict.Insufficient"/>, some but not all is <see cref="OverlapVerdict.Partial"/>
/// (a warning with the figures).</para>
/// <para>With no estates in the project yet nothing can be judged: <see cref="OverlapVerdict.Unchecked"/>.
/// Geometries are in the project's working CRS (metres).</para>
/// </remarks>
public static class LayerOverlap
{
    /// <summary>Distance from the nearest estate under which a point or polygon counts as in the area (20 km).</summary>
    public const double NearMeters = 20_000;

    /// <summary>Judges an import result against the project's estates.</summary>
    public static OverlapCheck Check(ImportResult layer, IReadOnlyList<Estate> estates)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(estates);
        if (estates.Count == 0)
            return new OverlapCheck(OverlapVerdict.Unchecked, null);
        switch (layer.Kind)
        {
            case LayerKind.Communes:
            {
                if (layer.Communes.Count == 0)
                    return new OverlapCheck(OverlapVerdict.Unchecked, null);
                var index = new STRtree<IPreparedGeometry>();
                foreach (var c in layer.Communes)
                    index.Insert(c.Geometry.EnvelopeInternal, PreparedGeometryFactory.Prepare(c.Geometry));
                var inside = estates.Count(e => Representative(e) is var p && index.Query(p.EnvelopeInternal).Any(g => g.Covers(p)));
                var message = Message.Of("overlap_communes", ("file", Path.GetFileName(layer.SourcePath)), ("inside", inside), ("estates", estates.Count),
                    ("share", (double)inside / estates.Count));
                return new OverlapCheck(inside * 2 < estates.Count ? OverlapVerdict.Insufficient : inside < estates.Count ? OverlapVerdict.Partial : OverlapVerdict.Sufficient,
                    message) { Covered = inside, Total = estates.Count };
            }
            case LayerKind.Qpv or LayerKind.Agencies or LayerKind.Candidates:
            {
                var features = layer.Kind switch
                {
                    LayerKind.Qpv => layer.Districts.Select(d => d.Geometry),
                    LayerKind.Agencies => layer.Agencies.Select(a => (Geometry)a.Location),
                    _ => layer.Candidates.Select(c => (Geometry)c.Location),
                };
                var list = features.ToList();
                if (list.Count == 0)
                    return new OverlapCheck(OverlapVerdict.Unchecked, null);
                var index = new STRtree<Point>();
                foreach (var e in estates)
                {
                    var p = Representative(e);
                    index.Insert(p.EnvelopeInternal, p);
                }
                var near = list.Count(g => Near(index, g));
                var code = layer.Kind switch { LayerKind.Qpv => "overlap_qpv", LayerKind.Agencies => "overlap_agencies", _ => "overlap_candidates" };
                var message = Message.Of(code, ("file", Path.GetFileName(layer.SourcePath)), ("near", near), ("features", list.Count),
                    ("km", NearMeters / 1000), ("estates", estates.Count));
                return new OverlapCheck(near == 0 ? OverlapVerdict.Insufficient : near < list.Count ? OverlapVerdict.Partial : OverlapVerdict.Sufficient, message)
                {
                    Covered = near,
                    Total = list.Count,
                };
            }
            default:
                return new OverlapCheck(OverlapVerdict.Unchecked, null);
        }
    }

    private static bool Near(STRtree<Point> estates, Geometry g)
    {
        var window = g.EnvelopeInternal.Copy();
        window.ExpandBy(NearMeters);
        return estates.Query(window).Any(p => g.IsWithinDistance(p, NearMeters));
    }

    private static Point Representative(Estate e) => e.Geometry as Point ?? e.Geometry.InteriorPoint;
}

/// <summary>How well a layer covers the project's estates.</summary>
public enum OverlapVerdict
{
    /// <summary>Nothing to compare with (no estates yet, or an empty layer).</summary>
    Unchecked,
    /// <summary>The layer covers every estate (communes) or lies wholly in the area (points, QPV).</summary>
    Sufficient,
    /// <summary>Some of it is elsewhere: said as a warning with the figures.</summary>
    Partial,
    /// <summary>Communes covering under half of the estates, or points and QPV none of which is near an estate.</summary>
    Insufficient,
}

/// <summary>The verdict and the sentence with the figures.</summary>
/// <param name="Verdict">How the layer covers the estates.</param>
/// <param name="Reason">The figures as a catalogue message (null when unchecked).</param>
public sealed record OverlapCheck(OverlapVerdict Verdict, Message? Reason)
{
    /// <summary>Estates inside (communes) or features near the estates (other layers).</summary>
    public int Covered { get; init; }
    /// <summary>Estates (communes) or features (other layers) counted.</summary>
    public int Total { get; init; }
}
