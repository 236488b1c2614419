using BenchmarkDotNet.Attributes;
using Territory.Routing.Graph;
using Territory.Routing.Isochrones;

namespace Territory.Benchmarks.Routing;

/// <summary>10/20/30-minute isochrones from Andorra la Vella (default parameters: 100 m cells, 100 m buffer).</summary>
[MemoryDiagnoser]
public class IsochroneBenchmarks
{
    private IsochroneBuilder _builder = null!;

    [GlobalSetup]
    public void Setup()
    {
        RoadGraph graph = RoutingBenchData.Andorra();
        _builder = new IsochroneBuilder(graph);
        _builder.Build((1.5218, 42.5063), [1]);
    }

    [Benchmark]
    public IReadOnlyList<Isochrone> Isochrones_10_20_30() => _builder.Build((1.5218, 42.5063), [10, 20, 30]);
}
