namespace Territory.Routing.Algorithms;

/// <summary>Where a hierarchy build spent its time: rounds, and wall / process CPU seconds per phase.</summary>
internal sealed class ContractionStatistics
{
    public int Rounds { get; internal set; }
    public long Shortcuts { get; internal set; }
    public long Simulations { get; internal set; }
    public long Searches { get; internal set; }
    public long Settled { get; internal set; }
    public long Relaxed { get; internal set; }
    public PhaseTime Initial { get; } = new();
    public PhaseTime Selection { get; } = new();
    public PhaseTime Simulation { get; } = new();
    public PhaseTime Contraction { get; } = new();
    public PhaseTime Apply { get; } = new();

    /// <summary>Accumulated wall and process CPU time of one phase.</summary>
    internal sealed class PhaseTime
    {
        public double WallSeconds { get; private set; }
        public double CpuSeconds { get; private set; }

        /// <summary>Starts timing; dispose the returned value to stop.</summary>
        public Scope Measure() => new(this);

        internal readonly struct Scope(PhaseTime phase) : IDisposable
        {
            private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();
            private readonly TimeSpan _cpu = Environment.CpuUsage.TotalTime;

            public void Dispose()
            {
                phase.WallSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds;
                phase.CpuSeconds += (Environment.CpuUsage.TotalTime - _cpu).TotalSeconds;
            }
        }
    }
}
