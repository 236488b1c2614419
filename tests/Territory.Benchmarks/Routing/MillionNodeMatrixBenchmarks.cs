using BenchmarkDotNet.Attributes;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Benchmarks.Routing;

/// <summary>100 × 20,000 matrix on a generated 1,000,000-node road grid (target ≤ 2 s on 2 cores).</summary>
[MemoryDiagnoser]
public class MillionNodeMatrixBenchmarks
{
    private RoadGraph _graph = null!;
    private ContractionHierarchy _hierarchy = null!;
    private (double Lon, double Lat)[] _sources = [];
    private (double Lon, double Lat)[] _targets = [];

    [GlobalSetup]
    public void Setup()
    {
        _graph = RoutingBenchData.MillionNodeGrid();
        _hierarchy = RoutingBenchData.CachedHierarchy(_graph, "grid-1000x1000-v2");
        _sources = RoutingBenchData.RandomPoints(_graph, 100, 3);
        _targets = RoutingBenchData.RandomPoints(_graph, 20_000, 4);
        TravelTimeMatrix.Compute(_graph, _sources[..1], _targets[..1]);
    }

    [Benchmark(Baseline = true)]
    public TravelTimeMatrix Phast_100x20000() =>
        TravelTimeMatrix.Compute(_graph, _sources, _targets, new MatrixOptions { Hierarchy = _hierarchy, Algorithm = MatrixAlgorithm.Phast });

    [Benchmark]
    public TravelTimeMatrix Rphast_100x20000() =>
        TravelTimeMatrix.Compute(_graph, _sources, _targets, new MatrixOptions { Hierarchy = _hierarchy, Algorithm = MatrixAlgorithm.Rphast });
}
