using BenchmarkDotNet.Running;

switch (args)
{
    case ["routing-compare", .. var rest]:
        Territory.Benchmarks.Routing.RoutingCompare.Run(rest);
        return;
    case ["ch-build", .. var rest]:
        Territory.Benchmarks.Speed.ContractionRun.Run(rest);
        return;
    case ["ch-query", .. var rest]:
        Territory.Benchmarks.Speed.HierarchyQueryRun.Run(rest);
        return;
    case ["ch-threshold", .. var rest]:
        Territory.Benchmarks.Speed.MatrixFloor.Threshold(rest);
        return;
    case ["matrix-floor", .. var rest]:
        Territory.Benchmarks.Speed.MatrixFloor.Run(rest);
        return;
    case ["speed-projects", .. var rest]:
        Territory.Benchmarks.Speed.SpeedProjects.Run(rest);
        return;
    case ["traveltimes-stages", .. var rest]:
        Territory.Benchmarks.Speed.TravelTimesStages.Run(rest);
        return;
    case ["serve-stages", .. var rest]:
        Territory.Benchmarks.Speed.ServeStages.Run(rest);
        return;
    case ["pg-import-stages", .. var rest]:
        Territory.Benchmarks.Store.PgImportStages.Run(rest);
        return;
    case ["analyse-stages", .. var rest]:
        Territory.Benchmarks.Speed.AnalyseStages.Run(rest);
        return;
    case ["review-bound", .. var rest]:
        Territory.Benchmarks.Speed.ReviewBound.Run(rest);
        return;
    case ["isolation-scale", .. var rest]:
        Territory.Benchmarks.Speed.IsolationScale.Run(rest);
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
    case ["tile-load", .. var rest]:
        await Territory.Benchmarks.Web.TileLoad.Run(rest);
        return;
    case ["web-render", .. var rest]:
        await Territory.Benchmarks.Web.WebRenderBenchmark.Run(rest);
        return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
