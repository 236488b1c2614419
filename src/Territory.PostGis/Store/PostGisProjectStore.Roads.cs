using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    private const string GraphFile = "roads.graph";
    private const string HierarchyFile = "roads.ch";

    /// <inheritdoc />
    /// <remarks>
    /// The graph and its contraction hierarchy are kept in the schema, in <c>territory_files</c>, as parts of
    /// at most <see cref="PgFileParts.PartBytes"/> bytes (<c>bytea</c> rows): they are backed up, copied and
    /// dropped with the schema (<c>pg_dump -n</c>), written in the same transactional way as the layers, and any
    /// map server that reaches the database loads them at start — no file to ship beside it.
    /// </remarks>
    public string RoadGraphLocation => $"{Schema}.territory_files ({GraphFile}, {HierarchyFile})";

    /// <inheritdoc />
    public RoadGraph? LoadRoadGraph()
    {
        var parts = new PgFileParts(_schema);
        RoadGraph graph;
        using (var stream = parts.Open(GraphFile))
        {
            if (stream is null)
                return null;
            graph = RoadGraph.Load(stream);
        }
        using var hierarchy = parts.Open(HierarchyFile);
        if (hierarchy is not null)
        {
            try
            {
                graph.AttachHierarchy(ContractionHierarchy.Load(hierarchy, graph));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                // Stale (graph rebuilt since) or damaged: every result stays exact with plain Dijkstra.
            }
        }
        return graph;
    }

    /// <inheritdoc />
    public void SaveRoadGraph(RoadGraph graph, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        InTransaction(_ =>
        {
            LockVersion();
            var parts = new PgFileParts(_schema);
            parts.Delete(GraphFile);
            parts.Delete(HierarchyFile);
            parts.Write(GraphFile, graph.Save, ct);
            if (graph.Hierarchy is { } ch)
                parts.Write(HierarchyFile, ch.Save, ct);
            return 0;
        });
    }
}
