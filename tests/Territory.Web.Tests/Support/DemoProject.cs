using Territory.IO.Travel;
using Territory.Routing.Osm;

namespace Territory.Web.Tests.Support;

/// <summary>
/// The committed demo project with its road graph, built once per test run; every test that may
/// change the project works on its own copy (<see cref="Copy"/>).
/// </summary>
internal static class DemoProject
{
    private static readonly Lazy<string> Template = new(Build);

    /// <summary>A fresh copy (GeoPackage + road graph) in its own temporary directory.</summary>
    public static TempProject Copy()
    {
        var dir = Directory.CreateTempSubdirectory("territory-web-").FullName;
        var gpkg = Path.Combine(dir, "habitat-demo.gpkg");
        File.Copy(Template.Value, gpkg);
        File.Copy(ProjectRoadGraph.PathFor(Template.Value), ProjectRoadGraph.PathFor(gpkg));
        return new TempProject(dir, gpkg);
    }

    private static string Build()
    {
        var dir = Directory.CreateTempSubdirectory("territory-web-template-").FullName;
        var gpkg = Path.Combine(dir, "habitat-demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), gpkg);
        var built = OsmRoadGraphLoader.Load(TestPaths.Demo("habitat-demo.osm.pbf"), null, null, CancellationToken.None);
        ProjectRoadGraph.Save(built.Graph, gpkg);
        return gpkg;
    }
}

/// <summary>A project copy, deleted with its directory.</summary>
internal sealed class TempProject(string directory, string path) : IDisposable
{
    public string Directory { get; } = directory;

    public string Path { get; } = path;

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
