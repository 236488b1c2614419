using BenchmarkDotNet.Attributes;
using Territory.Routing.Graph;

namespace Territory.Benchmarks.Routing;

/// <summary>Loading frozen graph files (Andorra, generated 1M-node grid).</summary>
public class GraphLoadBenchmarks
{
    private string _andorra = "";
    private string _grid = "";

    [GlobalSetup]
    public void Setup()
    {
        _andorra = Path.Combine(Path.GetTempPath(), "territory-bench-andorra.graph");
        RoutingBenchData.Andorra().Save(_andorra);
        RoutingBenchData.MillionNodeGrid();
        _grid = Path.Combine(Path.GetTempPath(), "territory-bench-grid-1000x1000-v1.graph");
    }

    [Benchmark]
    public RoadGraph LoadAndorra() => RoadGraph.Load(_andorra);

    [Benchmark]
    public RoadGraph LoadMillionNodeGrid() => RoadGraph.Load(_grid);
}
