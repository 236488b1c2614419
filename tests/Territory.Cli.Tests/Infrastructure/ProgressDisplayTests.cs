using Spectre.Console;
using Territory.Cli.Infrastructure;
using Territory.Core.Analysis;

namespace Territory.Cli.Tests.Infrastructure;

/// <summary>The progress bars of an interactive terminal (the captured consoles of the other tests never draw them).</summary>
[Collection(TerminalCollection.Name)]
public sealed class ProgressDisplayTests
{
    [Fact]
    public void RunStages_InteractiveTerminal_DrawsOneNamedBarPerStage() => OnTerminal(screen =>
    {
        var console = new CliConsole(new StringWriter(), new StringWriter(), Interactive: true);
        var result = ProgressDisplay.RunStages(console, json: false, progress =>
        {
            progress.Report(new StageProgress(StageProgress.TravelReview, 0, 3));
            progress.Report(new StageProgress(StageProgress.TravelReview, 3, 3));
            progress.Report(new StageProgress(StageProgress.Territories, 0, 2));
            progress.Report(new StageProgress(StageProgress.Territories, 2, 2));
            progress.Report(new StageProgress(StageProgress.Layers, 1, 1));
            return 42;
        });
        Assert.Equal(42, result);
        Assert.Contains("points de présence", screen.ToString(), StringComparison.Ordinal);
    });

    [Fact]
    public void Run_InteractiveTerminal_DrawsTheNamedBar() => OnTerminal(_ =>
    {
        var console = new CliConsole(new StringWriter(), new StringWriter(), Interactive: true);
        Assert.Equal(7, ProgressDisplay.Run(console, json: false, "Import [estates]", p => { p.Report(0.5); return 7; }));
    });

    /// <summary>Runs <paramref name="test"/> with an interactive ANSI terminal writing to a string, then puts the process's terminal back.</summary>
    private static void OnTerminal(Action<StringWriter> test)
    {
        var screen = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        try
        {
            test(screen);
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }
}

/// <summary>Tests that replace the process-wide terminal run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalCollection
{
    public const string Name = "Terminal";
}
