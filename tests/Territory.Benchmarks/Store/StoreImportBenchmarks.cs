using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NetTopologySuite.Geometries;
using Territory.Core.Enrichment;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Benchmarks.Store;

/// <summary>
/// Estates import into a project GeoPackage that already holds communes and QPV (join included),
/// the store half of the "1M points within 1.5× ogr2ogr" budget. Run:
/// <c>dotnet run -c Release --project tests/Territory.Benchmarks -- --filter *StoreImport*</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class StoreImportBenchmarks
{
    private const int Lambert93 = 2154;
    private List<Estate> _estates = [];
    private List<Commune> _communes = [];
    private List<PriorityDistrict> _districts = [];
    private string _path = "";

    [Params(100_000, 1_000_000)]
    public int Estates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var f = new GeometryFactory(new PrecisionModel(), Lambert93);
        Polygon Square(double x, double y, double side) => f.CreatePolygon(
            [new(x, y), new(x + side, y), new(x + side, y + side), new(x, y + side), new(x, y)]);
        // 10 × 10 communes of 10 km over the Lyon area, 50 QPV of 1 km², points uniform over the grid.
        for (var i = 0; i < 10; i++)
            for (var j = 0; j < 10; j++)
                _communes.Add(new Commune { Code = $"69{i}{j:00}", Geometry = Square(800_000 + i * 10_000, 6_500_000 + j * 10_000, 10_000) });
        for (var k = 0; k < 50; k++)
            _districts.Add(new PriorityDistrict { Code = $"QN0{k:0000}", Geometry = Square(801_000 + k % 10 * 9_000, 6_501_000 + k / 10 * 17_000, 1_000) });
        var rng = new Random(42);
        _estates = new List<Estate>(Estates);
        for (var i = 0; i < Estates; i++)
        {
            _estates.Add(new Estate
            {
                Id = $"E{i:0000000}", Name = $"Résidence {i}", Landlord = $"Bailleur {i % 20}", Dwellings = 1 + rng.Next(200),
                Housing = HousingKind.Collective, ConstructionYear = 1950 + rng.Next(70), CommuneCode = $"69{rng.Next(300):000}",
                Geometry = f.CreatePoint(new Coordinate(800_000 + rng.NextDouble() * 100_000, 6_500_000 + rng.NextDouble() * 100_000)),
            });
        }
    }

    [IterationSetup(Target = nameof(ImportEstatesWithJoin))]
    public void NewProject()
    {
        _path = Path.Combine(Path.GetTempPath(), $"territory-bench-{Guid.NewGuid():N}.gpkg");
        using var store = GeoPackageProjectStore.Open(_path);
        store.ImportLayer(Result(LayerKind.Communes) with { Communes = _communes }, LayerWriteOptions.Replace);
        store.ImportLayer(Result(LayerKind.Qpv) with { Districts = _districts }, LayerWriteOptions.Replace);
    }

    [IterationCleanup(Target = nameof(ImportEstatesWithJoin))]
    public void DeleteProject() => File.Delete(_path);

    [Benchmark]
    public long ImportEstatesWithJoin()
    {
        using var store = GeoPackageProjectStore.Open(_path);
        return store.ImportLayer(Result(LayerKind.Estates) with { Estates = _estates }, LayerWriteOptions.Replace).Written;
    }

    [Benchmark]
    public int EnrichOnly() => SpatialEnricher.Enrich(_estates, _communes, _districts).Report.CommuneMatched;

    private static ImportResult Result(LayerKind kind) =>
        new() { Kind = kind, SourcePath = "benchmark", SourceCrs = Lambert93, TargetCrs = Lambert93, Read = 0 };
}
