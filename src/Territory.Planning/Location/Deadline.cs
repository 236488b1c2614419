using System.Diagnostics;

namespace Territory.Planning.Location;

/// <summary>A wall-clock budget shared by the steps of one solve.</summary>
internal sealed class Deadline(double seconds, CancellationToken cancellationToken)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public double ElapsedSeconds => _clock.Elapsed.TotalSeconds;

    public double RemainingSeconds => Math.Max(0, seconds - ElapsedSeconds);

    public bool Expired => ElapsedSeconds >= seconds || cancellationToken.IsCancellationRequested;

    public CancellationToken Token => cancellationToken;
}
