using System.Diagnostics;
using System.Globalization;
using Territory.IO.Travel;
using Territory.Routing.Osm;

namespace Territory.Benchmarks.Web;

/// <summary>
/// <c>web-project OUT_DIR [COUNT]</c>: the demo generated at COUNT (50,000) estates (<c>territory demo --estates COUNT</c>,
/// roads and hierarchy included) as <c>habitat-demo-{COUNT/1000}k.gpkg</c>, and the demo itself beside it, for the map
/// server benchmarks.
/// </summary>
public static class WebProjectGenerator
{
    public static void Run(string[] args)
    {
        var outDir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "territory-web-50k");
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        Directory.CreateDirectory(outDir);
        var sw = Stopwatch.StartNew();
        // The scale generator of every benchmark: the demo at COUNT estates over as many fictional départements as it takes.
        var project = Speed.ScaleProject.Write(outDir, count);
        var gpkg = Speed.ScaleProject.CopyAs(project, $"habitat-demo-{count / 1000}k.gpkg");
        Console.WriteLine($"{count} estates (territory demo --estates {count}) with roads in {sw.Elapsed.TotalSeconds:F1} s → {gpkg}");
        // The demo itself beside it: the anchor of the render benchmark.
        var demo = FindDemo();
        var plain = Path.Combine(outDir, "habitat-demo.gpkg");
        File.Copy(Path.Combine(demo, "habitat-demo.gpkg"), plain, overwrite: true);
        var built = OsmRoadGraphLoader.Load(Path.Combine(demo, "habitat-demo.osm.pbf"), null, null, CancellationToken.None);
        ProjectRoadGraph.Save(built.Graph, plain);
    }

    internal static string FindDemo()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "geodata", "demo", "habitat-demo.gpkg")))
                    return Path.Combine(dir.FullName, "geodata", "demo");
        throw new InvalidOperationException("geodata/demo/habitat-demo.gpkg not found above " + Environment.CurrentDirectory);
    }
}
