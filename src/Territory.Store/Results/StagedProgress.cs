using Territory.Core.Analysis;

namespace Territory.Store.Results;

/// <summary>
/// One stage of an analysis reported twice: as a part of the overall share (0–1, what the map's event stream
/// shows) and as its own count (<see cref="StageProgress"/>, what the command line shows per stage).
/// </summary>
/// <remarks>Thread-safe (the travel matrix reports from its workers); counts only go up.</remarks>
internal sealed class StagedProgress(IProgress<double>? share, double from, double span, IProgress<StageProgress>? stages, string stage, int total)
    : IProgress<double>, IProgress<StageProgress>
{
    private readonly Lock _gate = new();
    private int _done = -1;

    /// <summary>A share of the stage done, in [0, 1].</summary>
    public void Report(double value) => Report(new StageProgress(stage, (int)Math.Round(Math.Clamp(value, 0, 1) * total), total));

    /// <summary>Items of the stage done.</summary>
    public void Report(StageProgress value)
    {
        lock (_gate)
        {
            if (value.Done <= _done)
                return;
            _done = value.Done;
            share?.Report(from + span * value.Fraction);
            stages?.Report(value with { Stage = stage });
        }
    }

    /// <summary>The whole stage done (a result reused from the project).</summary>
    public void Complete(int items) => Report(new StageProgress(stage, items, items));
}
