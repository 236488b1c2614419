using Territory.IO.Travel;
using Territory.Routing.Graph;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    /// <remarks>Files beside the project: <c>P.gpkg</c> → <c>P.roads.graph</c> and <c>P.roads.ch</c> (<see cref="ProjectRoadGraph"/>).</remarks>
    public string RoadGraphLocation => ProjectRoadGraph.PathFor(Path);

    /// <inheritdoc />
    public RoadGraph? LoadRoadGraph() => ProjectRoadGraph.TryLoad(Path);

    /// <inheritdoc />
    public void SaveRoadGraph(RoadGraph graph, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        ProjectRoadGraph.Save(graph, Path);
    }
}
