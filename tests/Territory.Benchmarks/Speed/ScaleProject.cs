using Territory.Demo;
using Territory.IO.Travel;
using Territory.Routing.Algorithms;
using Territory.Routing.Osm;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// The one scale generator of the benchmarks: <c>territory demo --estates N</c> (<see cref="DemoGenerator"/>) with its
/// road graph and contraction hierarchy beside it, as <c>territory roads build</c> leaves them.
/// </summary>
internal static class ScaleProject
{
    /// <summary>Writes <c>DIR/habitat-demo-N.gpkg</c> (+ PBF, graph, hierarchy) and returns the project path.</summary>
    public static string Write(string directory, int estates, int seed = 2154)
    {
        var files = DemoProjectWriter.Write(DemoGenerator.Generate(seed, estates), directory);
        var graph = OsmRoadGraphLoader.Load(files.Roads, null, null, CancellationToken.None).Graph;
        if (graph.NodeCount >= TravelTimeMatrix.HierarchyMinNodes)
            graph.AttachHierarchy(ContractionHierarchy.Build(graph));
        ProjectRoadGraph.Save(graph, files.Project);
        return files.Project;
    }

    /// <summary>Copies a project with its graph files under another name in the same directory.</summary>
    public static string CopyAs(string project, string name)
    {
        var target = Path.Combine(Path.GetDirectoryName(project)!, name);
        File.Copy(project, target, overwrite: true);
        File.Copy(ProjectRoadGraph.PathFor(project), ProjectRoadGraph.PathFor(target), overwrite: true);
        if (File.Exists(ProjectRoadGraph.HierarchyPathFor(project)))
            File.Copy(ProjectRoadGraph.HierarchyPathFor(project), ProjectRoadGraph.HierarchyPathFor(target), overwrite: true);
        return target;
    }
}
