using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Territory.Routing.Isochrones;

/// <summary>A boolean raster in local metres: the cells of an isochrone area, grown cutoff after cutoff.</summary>
/// <remarks>
/// Cell (x, y) covers [X0 + x·s, X0 + (x+1)·s] × [Y0 + y·s, Y0 + (y+1)·s]; a one-cell empty margin
/// surrounds the data. Cells are only ever added, so each area contains the previous one.
/// </remarks>
internal sealed class ReachRaster
{
    private bool[] _cells = [];
    private readonly Stack<int> _saddles = new();

    public int Width { get; private set; }

    public int Height { get; private set; }

    public double X0 { get; private set; }

    public double Y0 { get; private set; }

    public double Cell { get; private set; }

    /// <summary>Row-major cells, <see cref="Width"/> × <see cref="Height"/>.</summary>
    public Span<bool> Cells => _cells.AsSpan(0, Width * Height);

    /// <summary>Empties the raster on the grid of <paramref name="times"/>.</summary>
    public void Reset(TimeRaster times)
    {
        (Width, Height, X0, Y0, Cell) = (times.Width, times.Height, times.X0, times.Y0, times.Cell);
        int n = Width * Height;
        if (_cells.Length < n) _cells = new bool[n];
        else Array.Clear(_cells, 0, n);
    }

    /// <summary>Adds the cells reached within <paramref name="cutoffMs"/>, then fills diagonal-only contacts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(TimeRaster times, long cutoffMs)
    {
        var cells = MemoryMarshal.Cast<bool, byte>(Cells);
        var arrival = times.Arrival;
        int limit = (int)Math.Min(int.MaxValue - 1, cutoffMs);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // A vector of cells at a time: four vectors of arrivals compared, their masks narrowed to one byte per cell.
            int bytes = Vector<byte>.Count, ints = Vector<int>.Count;
            var bound = new Vector<int>(limit);
            for (; i + bytes <= cells.Length; i += bytes)
            {
                var low = Vector.Narrow(Vector.LessThanOrEqual(new Vector<int>(arrival[i..]), bound),
                    Vector.LessThanOrEqual(new Vector<int>(arrival[(i + ints)..]), bound));
                var high = Vector.Narrow(Vector.LessThanOrEqual(new Vector<int>(arrival[(i + 2 * ints)..]), bound),
                    Vector.LessThanOrEqual(new Vector<int>(arrival[(i + 3 * ints)..]), bound));
                var reached = Vector.AsVectorByte(Vector.Narrow(low, high)) & Vector<byte>.One;
                (new Vector<byte>(cells[i..]) | reached).CopyTo(cells[i..]);
            }
        }
        for (; i < cells.Length; i++)
            if (arrival[i] <= limit) cells[i] = 1;
        RemoveSaddles();
    }

    /// <summary>Fills diagonal-only contacts (2×2 saddles) so traced rings are simple and never touch.</summary>
    /// <remarks>
    /// One scan, then only the blocks around a filled saddle are checked again. The scan passes over a vector of blocks
    /// at a time when none of them is a saddle; a vector holding one is checked block by block, in the plain scan's order
    /// (a fill changes the cells the next blocks read), so the result is the plain scan's.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RemoveSaddles()
    {
        var cells = _cells;
        var bytes = MemoryMarshal.Cast<bool, byte>(cells.AsSpan());
        int w = Width;
        int lanes = Vector.IsHardwareAccelerated ? Vector<byte>.Count : int.MaxValue / 2;
        for (int y = 0; y + 1 < Height; y++)
        {
            int row = y * w;
            int x = 0;
            for (; x + lanes + 1 <= w; x += lanes)
            {
                // Block (x, y) is a saddle when a = d, b = c and a ≠ b (a b / c d its four cells, 0 or 1 each).
                var a = new Vector<byte>(bytes[(row + x)..]);
                var b = new Vector<byte>(bytes[(row + x + 1)..]);
                var c = new Vector<byte>(bytes[(row + w + x)..]);
                var d = new Vector<byte>(bytes[(row + w + x + 1)..]);
                if (((a ^ b) & ~(a ^ d) & ~(b ^ c)) == Vector<byte>.Zero) continue;
                for (int k = x; k < x + lanes; k++)
                    if (IsSaddle(cells, row + k, w)) Fill(row + k);
            }
            for (; x + 1 < w; x++)
                if (IsSaddle(cells, row + x, w)) Fill(row + x);
        }
        while (_saddles.TryPop(out int i))
            if (IsSaddle(cells, i, w)) Fill(i);

        void Fill(int i)
        {
            cells[i] = cells[i + 1] = cells[i + w] = cells[i + w + 1] = true;
            int x = i % w, y = i / w;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx + 1 < w && ny + 1 < Height && (dx | dy) != 0) _saddles.Push(ny * w + nx);
                }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSaddle(bool[] cells, int i, int w)
    {
        bool a = cells[i], d = cells[i + w + 1];
        return a == d && cells[i + 1] == cells[i + w] && a != cells[i + 1];
    }
}
