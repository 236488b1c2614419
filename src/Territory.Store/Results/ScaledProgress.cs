namespace Territory.Store.Results;

/// <summary>Reports a stage's share (0–1) as a part of a larger one, synchronously: a cancellation asked from the report reaches the stage at once.</summary>
/// <param name="inner">Where to report, or null.</param>
/// <param name="from">Share at which the stage starts.</param>
/// <param name="span">Share the stage covers.</param>
public sealed class ScaledProgress(IProgress<double>? inner, double from, double span) : IProgress<double>
{
    /// <inheritdoc />
    public void Report(double value) => inner?.Report(from + value * span);
}
