using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Demo;

/// <summary>Writes a <see cref="DemoDataset"/> as a project GeoPackage plus its OSM PBF road network.</summary>
public static class DemoProjectWriter
{
    /// <summary>Writes <c>DIR/&lt;name&gt;.gpkg</c> and <c>DIR/&lt;name&gt;.osm.pbf</c>, replacing earlier files.</summary>
    /// <remarks>The layers go through the same store import as user files, so the demo project is an ordinary project.</remarks>
    public static DemoFiles Write(DemoDataset demo, string directory)
    {
        ArgumentNullException.ThrowIfNull(demo);
        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, demo.Name + ".gpkg");
        var roads = Path.Combine(directory, demo.Name + ".osm.pbf");
        foreach (var stale in new[] { project, project + "-journal", roads })
            File.Delete(stale);

        using (var store = GeoPackageProjectStore.Open(project))
        {
            // Reference layers first, so the estates are joined to communes and QPV on the way in.
            store.ImportLayer(Result(LayerKind.Communes, demo.Communes.Count) with { Communes = demo.Communes }, LayerWriteOptions.Replace);
            store.ImportLayer(Result(LayerKind.Qpv, demo.Districts.Count) with { Districts = demo.Districts }, LayerWriteOptions.Replace);
            store.ImportLayer(Result(LayerKind.Agencies, demo.Agencies.Count) with { Agencies = demo.Agencies }, LayerWriteOptions.Replace);
            store.ImportLayer(Result(LayerKind.Estates, demo.Estates.Count) with { Estates = demo.Estates }, LayerWriteOptions.Replace);
        }
        DemoOsmWriter.WritePbf(demo.Roads, roads);
        return new DemoFiles(project, roads, demo.Estates.Count, demo.Estates.Sum(e => e.Dwellings),
            demo.Agencies.Count, demo.Communes.Count, demo.Districts.Count);
    }

    private static ImportResult Result(LayerKind kind, int count) => new()
    {
        Kind = kind,
        SourcePath = "territory demo",
        SourceCrs = CrsRegistry.Lambert93,
        TargetCrs = CrsRegistry.Lambert93,
        Read = count,
    };
}
