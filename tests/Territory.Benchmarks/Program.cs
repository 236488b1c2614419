using BenchmarkDotNet.Running;

switch (args)
{
    case ["routing-compare", .. var rest]:
        Territory.Benchmarks.Routing.RoutingCompare.Run(rest);
        return;
    case ["web-project", .. var rest]:
        Territory.Benchmarks.Web.WebProjectGenerator.Run(rest);
        return;
    case ["web-iso-cost", .. var rest]:
        Territory.Benchmarks.Web.IsochroneCost.Run(rest);
        return;
    case ["planning", .. var rest]:
        Territory.Benchmarks.Planning.PlanningBench.Run(rest);
        return;
    case ["web-render", .. var rest]:
        await Territory.Benchmarks.Web.WebRenderBenchmark.Run(rest);
        return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
