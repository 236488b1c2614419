using System.Runtime.CompilerServices;

namespace Territory.Routing.Isochrones;

/// <summary>Earliest arrival time (ms) per cell of reached road pieces, widened by a buffer, in local metres.</summary>
/// <remarks>
/// Cell (x, y) covers [X0 + x·s, X0 + (x+1)·s] × [Y0 + y·s, Y0 + (y+1)·s]. A road cell holds the
/// earliest arrival of the road points sampled in it (every half cell); after
/// <see cref="Widen"/> a cell holds the earliest road cell within the buffer (chamfer 3-4 distance,
/// within 6 % of Euclidean). The area reached within a cutoff is the threshold
/// <c>arrival ≤ cutoff</c>, so areas of increasing cutoffs are nested by construction.
/// A one-cell empty margin surrounds the widened data. Buffers are reused by <see cref="Reset"/>.
/// </remarks>
internal sealed class TimeRaster
{
    public const int Unreached = int.MaxValue;
    private int[] _road = [];
    private int[] _arrival = [];
    private double _maxMs;

    public int Width { get; private set; }

    public int Height { get; private set; }

    public double X0 { get; private set; }

    public double Y0 { get; private set; }

    public double Cell { get; private set; }

    /// <summary>Earliest arrival per cell (ms), <see cref="Unreached"/> when none; row-major, <see cref="Width"/> × <see cref="Height"/>.</summary>
    public ReadOnlySpan<int> Arrival => _arrival.AsSpan(0, Width * Height);

    /// <summary>Empties the raster over the road bounds (local metres) plus <paramref name="margin"/>.</summary>
    /// <remarks>Road points arriving after <paramref name="maxMs"/> are ignored.</remarks>
    public void Reset(double minX, double minY, double maxX, double maxY, double cell, double margin, double maxMs)
    {
        Cell = cell;
        _maxMs = maxMs;
        X0 = Math.Floor((minX - margin) / cell) * cell - cell;
        Y0 = Math.Floor((minY - margin) / cell) * cell - cell;
        Width = (int)Math.Ceiling((maxX + margin - X0) / cell) + 2;
        Height = (int)Math.Ceiling((maxY + margin - Y0) / cell) + 2;
        int n = Width * Height;
        if (_road.Length < n) { _road = new int[n]; _arrival = new int[n]; }
        _road.AsSpan(0, n).Fill(Unreached);
    }

    /// <summary>Samples the segment A → B (edge fractions fa → fb, <paramref name="length"/> metres long) every half cell into the road cells.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MarkSegment(double ax, double ay, double fa, double bx, double by, double fb, double length, in EdgeArrival arrival)
    {
        double dx = bx - ax, dy = by - ay;
        int steps = Math.Max(1, (int)Math.Ceiling(length / (Cell * 0.5)));
        double inv = 1.0 / steps, scale = 1.0 / Cell;
        // The raster's bounds in locals: the stores into the road cells would otherwise make the loop read them again.
        double x0 = X0, y0 = Y0, maxMs = _maxMs;
        int width = Width, lastX = Width - 2, lastY = Height - 2;
        var road = _road;
        for (int k = 0; k <= steps; k++)
        {
            double s = k * inv;
            double t = arrival.At(fa + (fb - fa) * s);
            if (!(t <= maxMs)) continue;
            int cx = Math.Clamp((int)((ax + dx * s - x0) * scale), 1, lastX);
            int cy = Math.Clamp((int)((ay + dy * s - y0) * scale), 1, lastY);
            int i = cy * width + cx;
            int ms = (int)Math.Max(0, t);
            if (ms < road[i]) road[i] = ms;
        }
    }

    /// <summary>Gives each cell the earliest arrival of the road cells within <paramref name="radius"/> metres.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Widen(double radius)
    {
        int limit = (int)Math.Floor(3 * radius / Cell);
        int reach = Math.Min(limit / 3, Math.Min(Width, Height));
        Span<int> off = stackalloc int[(2 * reach + 1) * (2 * reach + 1)];
        int count = 0;
        for (int dy = -reach; dy <= reach; dy++)
            for (int dx = -reach; dx <= reach; dx++)
            {
                int a = Math.Abs(dx), b = Math.Abs(dy);
                if (3 * Math.Max(a, b) + Math.Min(a, b) <= limit) off[count++] = dy * Width + dx;
            }
        off = off[..count];
        int n = Width * Height;
        var arrival = _arrival.AsSpan(0, n);
        arrival.Fill(Unreached);
        var road = _road.AsSpan(0, n);
        for (int i = 0; i < road.Length; i++)
        {
            int t = road[i];
            if (t == Unreached) continue;
            foreach (int o in off)
            {
                int j = i + o;
                if ((uint)j < (uint)arrival.Length && t < arrival[j]) arrival[j] = t;
            }
        }
    }
}
