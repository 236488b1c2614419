using BenchmarkDotNet.Running;

if (args is ["routing-compare", .. var rest])
{
    Territory.Benchmarks.Routing.RoutingCompare.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
