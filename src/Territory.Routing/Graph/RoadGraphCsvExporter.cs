using System.Globalization;
using System.Text;

namespace Territory.Routing.Graph;

/// <summary>Writes a <see cref="RoadGraph"/> as CSV for other engines (pgRouting's edge-table convention).</summary>
/// <remarks>
/// Edges: <c>id,source,target,cost,reverse_cost,length_m,geom</c> with costs in seconds (−1 when
/// that direction is closed, pgRouting's convention) and the geometry as WKT LINESTRING in
/// WGS84 lon/lat. Vertex ids are graph node ids + 1 (pgRouting prefers positive ids).
/// </remarks>
public static class RoadGraphCsvExporter
{
    /// <summary>Writes one row per edge.</summary>
    public static void WriteEdges(RoadGraph graph, TextWriter writer)
    {
        writer.WriteLine("id,source,target,cost,reverse_cost,length_m,geom");
        var sb = new StringBuilder();
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            sb.Clear();
            double seconds = graph.GetEdgeDurationSeconds(e);
            sb.Append(CultureInfo.InvariantCulture, $"{e + 1},{graph.GetEdgeFrom(e) + 1},{graph.GetEdgeTo(e) + 1},");
            sb.Append(CultureInfo.InvariantCulture, $"{(graph.IsForwardAllowed(e) ? seconds : -1):R},{(graph.IsBackwardAllowed(e) ? seconds : -1):R},{graph.GetEdgeDistanceMeters(e):R},\"LINESTRING(");
            for (int i = 0; i < graph.GetEdgePointCount(e); i++)
            {
                var (lon, lat) = graph.GetEdgePoint(e, i);
                if (i > 0) sb.Append(',');
                sb.Append(CultureInfo.InvariantCulture, $"{lon:0.0000000} {lat:0.0000000}");
            }
            sb.Append(")\"");
            writer.WriteLine(sb);
        }
    }

    /// <summary>Writes one row per node: <c>id,lon,lat,component</c>.</summary>
    public static void WriteVertices(RoadGraph graph, TextWriter writer)
    {
        writer.WriteLine("id,lon,lat,component");
        for (int v = 0; v < graph.NodeCount; v++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v + 1},{graph.GetNodeLon(v):0.0000000},{graph.GetNodeLat(v):0.0000000},{graph.GetComponent(v)}"));
    }
}
