using Spectre.Console;
using Territory.Cli.Infrastructure;
using Territory.Planning.Service;

namespace Territory.Cli.Commands;

/// <summary>Progress of a planning job on a terminal: one bar per stage with its counts; silent with <c>--json</c> or redirected output.</summary>
internal static class PlanProgress
{
    public static T Run<T>(CliConsole console, bool json, Func<IProgress<PlanningProgress>, T> work)
    {
        if (json || !console.Interactive)
            return work(new Sink(_ => { }));
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<PlanningStage, ProgressTask>();
                result = work(new Sink(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                        tasks[p.Stage] = task = ctx.AddTask(Label(console, p), maxValue: 1.0);
                    task.Description = Label(console, p);
                    task.Value = p.Fraction;
                }));
                foreach (var t in tasks.Values) t.Value = 1.0;
            });
        return result;
    }

    private static string Label(CliConsole console, PlanningProgress p) =>
        Markup.Escape($"{PlanCli.T(console, "plan_stage_" + p.Stage.Code())} ({p.Done:n0}/{p.Total:n0})");

    /// <summary>Reports on the calling thread.</summary>
    private sealed class Sink(Action<PlanningProgress> report) : IProgress<PlanningProgress>
    {
        public void Report(PlanningProgress value) => report(value);
    }
}
