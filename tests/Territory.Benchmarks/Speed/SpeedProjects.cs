using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Benchmarks.Web;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.IO.Travel;
using Territory.Routing.Algorithms;
using Territory.Routing.Osm;
using Territory.Routing.Snapping;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Benchmarks.Speed;

/// <summary>
/// <c>speed-projects OUT_DIR</c>: the projects of <c>scripts/speed-at-scale.sh</c>: <c>estates-N.gpkg</c> for
/// N = 1,500, 15,000, 50,000 and 150,000 estates, written by the demo generator at that size
/// (<c>territory demo --estates N</c>: one fictional département per 10,000 estates) with its roads, and
/// <c>presence-10.gpkg</c> / <c>presence-835.gpkg</c>: the demo's presence points alone, then with
/// 825 more points far from every road (no road within 1 km), the traveltimes pair. The road graph
/// is written with its contraction hierarchy, as <c>territory roads build</c> writes it.
/// </summary>
public static class SpeedProjects
{
    public const int FarPoints = 825;

    public static void Run(string[] args)
    {
        var outDir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "territory-speed");
        Directory.CreateDirectory(outDir);
        var demo = WebProjectGenerator.FindDemo();
        var graph = OsmRoadGraphLoader.Load(Path.Combine(demo, "habitat-demo.osm.pbf"), null, null, CancellationToken.None).Graph;
        // As `roads build` leaves it: the hierarchy beside the graph.
        if (graph.NodeCount >= TravelTimeMatrix.HierarchyMinNodes) graph.AttachHierarchy(ContractionHierarchy.Build(graph));
        string Copy(string name)
        {
            var path = Path.Combine(outDir, name);
            File.Copy(Path.Combine(demo, "habitat-demo.gpkg"), path, overwrite: true);
            ProjectRoadGraph.Save(graph, path);
            return path;
        }

        // The scale projects come from the one generator (territory demo --estates N), roads and hierarchy included.
        foreach (int count in new[] { 1_500, 15_000, 50_000, 150_000 })
        {
            var scaled = ScaleProject.Write(Path.Combine(outDir, $"scale-{count}"), count);
            Console.WriteLine($"{ScaleProject.CopyAs(scaled, $"../estates-{count}.gpkg")}: {count} estates (territory demo --estates {count})");
        }

        Console.WriteLine($"{Copy("presence-10.gpkg")}: the demo's presence points");
        var far = Copy("presence-835.gpkg");
        using (var store = GeoPackageProjectStore.Open(far))
        {
            var crs = store.WorkingCrs!.Value;
            var agencies = store.ReadAgencies().ToList();
            int own = agencies.Count;
            var toWorking = new Reprojector(CrsRegistry.Wgs84, crs);
            var factory = new GeometryFactory(new PrecisionModel(), crs);
            var snapper = new RoadSnapper(graph, flagOutsideHull: false);
            double minLon = Enumerable.Range(0, graph.NodeCount).Min(graph.GetNodeLon), maxLon = Enumerable.Range(0, graph.NodeCount).Max(graph.GetNodeLon);
            double minLat = Enumerable.Range(0, graph.NodeCount).Min(graph.GetNodeLat), maxLat = Enumerable.Range(0, graph.NodeCount).Max(graph.GetNodeLat);
            var random = new Random(825);
            while (agencies.Count < own + FarPoints)
            {
                double lon = minLon - 0.3 + random.NextDouble() * (maxLon - minLon + 0.6), lat = minLat - 0.2 + random.NextDouble() * (maxLat - minLat + 0.4);
                var snap = snapper.Snap(lon, lat, 1_000);
                if (snap.FailureCode is not (SnapFailureCode.NoRoadWithin)) continue;
                var (x, y) = toWorking.Transform(lon, lat);
                agencies.Add(new Agency
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"FAR-{agencies.Count - own + 1}"),
                    Name = "Point éloigné",
                    Kind = AgencyKind.Antenne,
                    Location = factory.CreatePoint(new Coordinate(x, y)),
                });
            }
            store.ImportLayer(new ImportResult { Kind = LayerKind.Agencies, SourcePath = "speed-projects", SourceCrs = crs, TargetCrs = crs, Read = agencies.Count, Agencies = agencies }, new LayerWriteOptions { AllowShrink = true });
            Console.WriteLine($"{far}: {own} presence points + {FarPoints} far from every road");
        }
    }
}
