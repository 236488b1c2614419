using System.Diagnostics;
using System.Globalization;
using Territory.Core.Analysis;
using Territory.Core.Indicators;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.IO.GeoPackage;
using Territory.Store;
using Territory.IO.Travel;
using Territory.Routing.Review;
using Territory.Store.GeoPackage;

namespace Territory.Benchmarks.Speed;

/// <summary><c>analyse-stages PROJECT...</c>: where <c>territory analyse</c> spends its time (read, travel review, estate facts, delineation + indicators, whole analysis), in process.</summary>
public static class AnalyseStages
{
    public static void Run(string[] args)
    {
        foreach (var project in args)
        {
            var sw = Stopwatch.StartNew();
            using var store = GeoPackageProjectStore.Open(project);
            var data = ProjectData.Read(store);
            double read = Lap(sw);
            var graph = ProjectRoadGraph.TryLoad(project);
            var review = AgencyTravelReview.Compute(data.Estates, data.Agencies, data.WorkingCrs, graph);
            double travel = Lap(sw);
            var input = data.ToAnalysisInput(review.Access.ToDictionary(a => a.EstateId, StringComparer.Ordinal));
            var ctx = new AnalysisContext(input, TypologyConfig.Default);
            double context = Lap(sw);
            var facts = EstateFactsBuilder.Build(ctx, CancellationToken.None);
            double estateFacts = Lap(sw);
            var units = Delineator.Build(ctx, facts);
            double delineation = Lap(sw);
            foreach (var unit in units) IndicatorCalculator.Compute(unit, ctx);
            double indicators = Lap(sw);
            TerritoryAnalysis.Run(input, TypologyConfig.Default);
            double whole = Lap(sw);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{data.Estates.Count,7} estates, {units.Count} territories: read {read:0.00} s, travel review {travel:0.00} s, context {context:0.00} s, estate facts {estateFacts:0.00} s, delineation {delineation:0.00} s, indicators {indicators:0.00} s; whole analysis {whole:0.00} s"));
        }
    }

    private static double Lap(Stopwatch sw)
    {
        double s = sw.Elapsed.TotalSeconds;
        sw.Restart();
        return s;
    }
}
