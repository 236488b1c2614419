using Spectre.Console;
using Territory.Core.Analysis;

namespace Territory.Cli.Infrastructure;

/// <summary>Shows a progress bar per stage (its name and counts) on an interactive terminal; silent with <c>--json</c> or redirected output.</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with an <see cref="IProgress{T}"/> of a fraction in [0, 1].</summary>
    public static T Run<T>(CliConsole console, bool json, string label, Func<IProgress<double>, T> work)
    {
        if (json || !console.Interactive)
            return work(new Progress<double>(_ => { }));

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                // The stage's name and counts; escaped: a file name may hold Spectre's markup brackets.
                var task = ctx.AddTask(Markup.Escape(label), maxValue: 1.0);
                result = work(new SyncProgress(f => task.Value = Math.Clamp(f, 0, 1)));
                task.Value = 1.0;
            });
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with an <see cref="IProgress{T}"/> of stages: one bar per stage as it starts, named
    /// with its count (« Temps de trajet : 12 points de présence sur 150 »). Silent with <c>--json</c> or redirected output;
    /// the console's <see cref="CliConsole.Stages"/> receives every report either way.
    /// </summary>
    public static T RunStages<T>(CliConsole console, bool json, Func<IProgress<StageProgress>, T> work)
    {
        var observer = console.Stages;
        if (json || !console.Interactive)
            return work(new SyncProgress<StageProgress>(s => observer?.Report(s)));

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var gate = new Lock();
                result = work(new SyncProgress<StageProgress>(s =>
                {
                    observer?.Report(s);
                    lock (gate)
                    {
                        // Named from its first report: a bar never has an empty name (the terminal's library refuses one).
                        var description = Markup.Escape(console.T("progress_stage_" + s.Stage, ("done", s.Done), ("total", s.Total)));
                        if (!tasks.TryGetValue(s.Stage, out var task))
                            tasks[s.Stage] = task = ctx.AddTask(description, maxValue: 1.0);
                        task.Description = description;
                        task.Value = s.Fraction;
                    }
                }));
                foreach (var task in tasks.Values)
                    task.Value = 1.0;
            });
        return result;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private sealed class SyncProgress<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        public void Report(TValue value) => report(value);
    }
}
