extern alias web;
using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.IO.GeoPackage;
using Territory.IO.Travel;
using Territory.Routing.Isochrones;
using GeoJson = web::Territory.Web.Geo.GeoJson;
using Outline = web::Territory.Web.Geo.Outline;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Benchmarks.Web;

/// <summary>
/// <c>web-iso-cost PROJECT [N] [CELL_METRES]</c>: CPU cost of one uncached map isochrone (10/20/30 min) split into
/// its steps — graph search + raster + outlines, simplification, GeoJSON — on one thread, at N points
/// near the project's estates. CPU time of the process, so a busy machine slows it less than wall time.
/// </summary>
public static class IsochroneCost
{
    public static void Run(string[] args)
    {
        var project = args.Length > 0 ? args[0] : "/tmp/territory-web-50k/habitat-demo-50k.gpkg";
        var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        var graph = ProjectRoadGraph.TryLoad(project) ?? throw new InvalidOperationException("no road graph beside " + project);
        using var store = GeoPackageProjectStore.Open(project);
        var toWgs84 = new Reprojector(store.WorkingCrs!.Value, CrsRegistry.Wgs84);
        var random = new Random(7);
        var estates = store.ReadEstates();
        var points = Enumerable.Range(0, n).Select(_ =>
        {
            var p = estates[random.Next(estates.Count)].Geometry.InteriorPoint;
            var (lon, lat) = toWgs84.Transform(p.X, p.Y);
            return (lon + (random.NextDouble() - 0.5) * 0.008, lat + (random.NextDouble() - 0.5) * 0.006);
        }).ToList();
        var cell = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var builder = new IsochroneBuilder(graph, new IsochroneParameters { CellSizeMeters = cell });
        double[] minutes = [10, 20, 30];
        foreach (var p in points.Take(20))
            builder.Build(p, minutes); // warm-up (JIT, buffers)

        var process = Process.GetCurrentProcess();
        TimeSpan Cpu() { process.Refresh(); return process.TotalProcessorTime; }
        var built = new List<IReadOnlyList<Isochrone>>(n);
        var t0 = Cpu();
        foreach (var p in points)
            built.Add(builder.Build(p, minutes));
        var t1 = Cpu();
        var simplified = built.Select(isochrones => isochrones.Select(i => Outline.Simplify(i.Area, cell, 35_000)).ToList()).ToList();
        var t2 = Cpu();
        var holesOnly = built.Select(isochrones => isochrones.Select(i => Outline.Simplify(i.Area, 0, 35_000)).ToList()).ToList();
        var th = Cpu();
        long rawBytes = 0, simplifiedBytes = 0;
        var t3 = Cpu();
        foreach (var set in simplified)
            simplifiedBytes += GeoJson.Serialize(Collection(set.Select(GeoJson.Round))).Length;
        var t4 = Cpu();
        foreach (var isochrones in built)
            rawBytes += GeoJson.Serialize(Collection(isochrones.Select(i => GeoJson.Round(i.Area)))).Length;
        var t5 = Cpu();
        var snapped = built.Count(b => b[0].ReachedNodeCount > 0);
        double PerCall(TimeSpan d) => d.TotalMilliseconds / n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n} points ({snapped} on the road network), CPU per isochrone set: build {PerCall(t1 - t0):F2} ms, simplify {PerCall(t2 - t1):F2} ms (of which filling holes {PerCall(th - t2):F2} ms), " +
            $"GeoJSON {PerCall(t4 - t3):F2} ms (unsimplified {PerCall(t5 - t4):F2} ms); answer {simplifiedBytes / n / 1000.0:F0} KB (unsimplified {rawBytes / n / 1000.0:F0} KB)"));
    }

    private static FeatureCollection Collection(IEnumerable<Geometry> areas)
    {
        var fc = new FeatureCollection();
        foreach (var a in areas)
            fc.Add(new Feature(a, new AttributesTable { { "minutes", 0 } }));
        return fc;
    }
}
