using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.IO.Travel;
using Territory.Routing.Osm;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Benchmarks.Web;

/// <summary>
/// <c>web-project OUT_DIR [COUNT]</c>: a copy of the demo project (with its road graph, also written as is) whose
/// estates layer holds COUNT (50,000) estates — the demo's estates replicated with a deterministic
/// jitter of a few hundred metres, unique ids — for the map server benchmarks.
/// </summary>
public static class WebProjectGenerator
{
    /// <summary>Jitter radius around the replicated estate, metres (Lambert-93).</summary>
    private const double JitterMeters = 400;

    public static void Run(string[] args)
    {
        var outDir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "territory-web-50k");
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        var demo = FindDemo();
        Directory.CreateDirectory(outDir);
        var gpkg = Path.Combine(outDir, $"habitat-demo-{count / 1000}k.gpkg");
        File.Copy(Path.Combine(demo, "habitat-demo.gpkg"), gpkg, overwrite: true);
        var sw = Stopwatch.StartNew();
        var built = OsmRoadGraphLoader.Load(Path.Combine(demo, "habitat-demo.osm.pbf"), null, null, CancellationToken.None);
        ProjectRoadGraph.Save(built.Graph, gpkg);
        Console.WriteLine($"road graph: {built.Graph.NodeCount} nodes in {sw.Elapsed.TotalSeconds:F1} s");
        // The demo itself beside it, with the same graph: the anchor of the render benchmark.
        var plain = Path.Combine(outDir, "habitat-demo.gpkg");
        File.Copy(Path.Combine(demo, "habitat-demo.gpkg"), plain, overwrite: true);
        ProjectRoadGraph.Save(built.Graph, plain);

        sw.Restart();
        using var store = GeoPackageProjectStore.Open(gpkg);
        var crs = store.WorkingCrs ?? throw new InvalidOperationException("demo project without working CRS");
        var source = store.ReadEstates();
        var estates = Replicate(source, count, crs);
        var outcome = store.ImportLayer(new ImportResult
        {
            Kind = LayerKind.Estates,
            SourcePath = "web-project",
            SourceCrs = crs,
            TargetCrs = crs,
            Read = estates.Count,
            Estates = estates,
        }, LayerWriteOptions.Replace);
        Console.WriteLine($"estates: {outcome.Written} written in {sw.Elapsed.TotalSeconds:F1} s → {gpkg}");
    }

    /// <summary>Copies of the source estates, each moved by up to <see cref="JitterMeters"/> (seeded, so every run writes the same project).</summary>
    internal static List<Estate> Replicate(IReadOnlyList<Estate> source, int count, int crs)
    {
        var random = new Random(50_000);
        var factory = new GeometryFactory(new PrecisionModel(), crs);
        var estates = new List<Estate>(count);
        for (int i = 0; i < count; i++)
        {
            var original = source[i % source.Count];
            var round = i / source.Count;
            if (round == 0)
            {
                estates.Add(original);
                continue;
            }
            var angle = random.NextDouble() * 2 * Math.PI;
            var radius = JitterMeters * Math.Sqrt(random.NextDouble());
            var at = original.Geometry as Point ?? original.Geometry.InteriorPoint;
            estates.Add(original with
            {
                Id = $"{original.Id}-R{round}",
                Name = original.Name is null ? null : $"{original.Name} ({round + 1})",
                Geometry = factory.CreatePoint(new Coordinate(at.X + radius * Math.Cos(angle), at.Y + radius * Math.Sin(angle))),
            });
        }
        return estates;
    }

    /// <summary>geodata/demo above the working directory or the binary.</summary>
    internal static string FindDemo()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "geodata", "demo", "habitat-demo.gpkg")))
                    return Path.Combine(dir.FullName, "geodata", "demo");
        throw new InvalidOperationException("geodata/demo/habitat-demo.gpkg not found above " + Environment.CurrentDirectory);
    }
}
