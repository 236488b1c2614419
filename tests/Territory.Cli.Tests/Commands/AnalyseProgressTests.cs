using Territory.Cli.Infrastructure;
using Territory.Core.Analysis;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory analyse</c> reports its stages in order, each up to its count (through the progress callback).</summary>
public sealed class AnalyseProgressTests
{
    [Fact]
    public void Analyse_Demo_ReportsTravelThenTerritoriesThenLayersEachToItsTotal()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);

        var first = Stages(project);

        Assert.Equal([StageProgress.TravelReview, StageProgress.Territories, StageProgress.Layers], first.Select(s => s.Stage).Distinct());
        // Each stage is one block, its counts never go down and it ends complete.
        foreach (var stage in first.GroupBy(s => s.Stage))
        {
            var reports = stage.ToList();
            Assert.Equal(reports.Count, first.SkipWhile(s => s.Stage != stage.Key).TakeWhile(s => s.Stage == stage.Key).Count());
            Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Done >= p.First.Done), $"{stage.Key} went back");
            Assert.Equal(reports[^1].Total, reports[^1].Done);
            Assert.True(reports[^1].Total > 0, stage.Key);
        }
        Assert.True(first.Count(s => s.Stage == StageProgress.Territories) > 2, "the territories are reported one by one");
        Assert.Equal(4, first.Last().Total);

        // Stored results read back: their stages are complete at once.
        var second = Stages(project);
        Assert.Equal(first.Select(s => s.Stage).Distinct(), second.Select(s => s.Stage).Distinct());
        Assert.All(second.Where(s => s.Stage != StageProgress.Layers), s => Assert.Equal(s.Total, s.Done));
    }

    [Fact]
    public void Analyse_Json_PrintsNoProgress()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);

        var run = CliRun.Invoke("analyse", project, "--json");

        run.Json();
        Assert.DoesNotContain("Temps de trajet", run.Out + run.Error, StringComparison.Ordinal);
    }

    private static List<StageProgress> Stages(string project)
    {
        var seen = new List<StageProgress>();
        var console = CliConsole.Captured(new StringWriter(), new StringWriter()) with { Stages = new Collect(seen) };
        Assert.Equal(0, CliApp.Run(["analyse", project, "--json"], console));
        return seen;
    }

    private sealed class Collect(List<StageProgress> seen) : IProgress<StageProgress>
    {
        public void Report(StageProgress value)
        {
            lock (seen)
                seen.Add(value);
        }
    }
}
