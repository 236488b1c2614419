using BenchmarkDotNet.Attributes;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;

namespace Territory.Benchmarks.Routing;

/// <summary>20 agencies × 2,000 estates on Andorra: Dijkstra rows vs PHAST rows (hierarchy built in setup).</summary>
[MemoryDiagnoser]
public class AndorraMatrixBenchmarks
{
    private RoadGraph _graph = null!;
    private ContractionHierarchy _hierarchy = null!;
    private (double Lon, double Lat)[] _sources = [];
    private (double Lon, double Lat)[] _targets = [];

    [GlobalSetup]
    public void Setup()
    {
        _graph = RoutingBenchData.Andorra();
        _hierarchy = RoutingBenchData.Hierarchy(_graph);
        _sources = RoutingBenchData.RandomPoints(_graph, 20, 1);
        _targets = RoutingBenchData.RandomPoints(_graph, 2000, 2);
        TravelTimeMatrix.Compute(_graph, _sources[..1], _targets[..1]); // builds the cached snapper
    }

    [Benchmark(Baseline = true)]
    public TravelTimeMatrix Dijkstra_20x2000() =>
        TravelTimeMatrix.Compute(_graph, _sources, _targets, new MatrixOptions { Algorithm = MatrixAlgorithm.Dijkstra });

    [Benchmark]
    public TravelTimeMatrix Phast_20x2000() =>
        TravelTimeMatrix.Compute(_graph, _sources, _targets, new MatrixOptions { Hierarchy = _hierarchy });

    [Benchmark]
    public ContractionHierarchy BuildHierarchy() => ContractionHierarchy.Build(_graph);
}
