using System.Runtime.CompilerServices;
namespace Territory.Routing.Isochrones;

/// <summary>A boolean raster in local metres: cells within a distance of reached road pieces.</summary>
/// <remarks>The distance is a two-pass chamfer transform, linear in the number of cells whatever the buffer radius.</remarks>
/// <remarks>Cell (x, y) covers [X0 + x·s, X0 + (x+1)·s] × [Y0 + y·s, Y0 + (y+1)·s]; a one-cell empty margin surrounds the data.</remarks>
internal sealed class ReachRaster
{
    public readonly int Width;
    public readonly int Height;
    public readonly double X0;
    public readonly double Y0;
    public readonly double Cell;
    public readonly bool[] Cells;

    public ReachRaster(double minX, double minY, double maxX, double maxY, double cell)
    {
        Cell = cell;
        X0 = Math.Floor(minX / cell) * cell - cell;
        Y0 = Math.Floor(minY / cell) * cell - cell;
        Width = (int)Math.Ceiling((maxX - X0) / cell) + 2;
        Height = (int)Math.Ceiling((maxY - Y0) / cell) + 2;
        Cells = new bool[Width * Height];
    }

    private ReachRaster(ReachRaster other)
    {
        (Width, Height, X0, Y0, Cell) = (other.Width, other.Height, other.X0, other.Y0, other.Cell);
        Cells = (bool[])other.Cells.Clone();
    }

    public ReachRaster Clone() => new(this);

    public bool this[int x, int y] => x >= 0 && y >= 0 && x < Width && y < Height && Cells[y * Width + x];

    /// <summary>Marks the cells a segment passes through (sampled every half cell) in <paramref name="seeds"/>.</summary>
    public void MarkLine(bool[] seeds, double ax, double ay, double bx, double by)
    {
        double length = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
        int steps = Math.Max(1, (int)Math.Ceiling(length / (Cell * 0.5)));
        for (int k = 0; k <= steps; k++)
        {
            double x = ax + (bx - ax) * k / steps, y = ay + (by - ay) * k / steps;
            int cx = Math.Clamp((int)Math.Floor((x - X0) / Cell), 1, Width - 2);
            int cy = Math.Clamp((int)Math.Floor((y - Y0) / Cell), 1, Height - 2);
            seeds[cy * Width + cx] = true;
        }
    }

    /// <summary>Sets every cell within <paramref name="radius"/> (chamfer 3-4 distance, within 6 % of Euclidean) of a seed cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Dilate(bool[] seeds, double radius)
    {
        const int Infinity = int.MaxValue / 2;
        int w = Width, h = Height;
        var d = new int[w * h];
        for (int i = 0; i < d.Length; i++) d[i] = seeds[i] ? 0 : Infinity;
        for (int y = 1; y < h; y++)
            for (int x = 1; x < w - 1; x++)
            {
                int i = y * w + x;
                int v = d[i];
                v = Math.Min(v, d[i - 1] + 3);
                v = Math.Min(v, d[i - w] + 3);
                v = Math.Min(v, d[i - w - 1] + 4);
                v = Math.Min(v, d[i - w + 1] + 4);
                d[i] = v;
            }
        for (int y = h - 2; y >= 0; y--)
            for (int x = w - 2; x >= 1; x--)
            {
                int i = y * w + x;
                int v = d[i];
                v = Math.Min(v, d[i + 1] + 3);
                v = Math.Min(v, d[i + w] + 3);
                v = Math.Min(v, d[i + w + 1] + 4);
                v = Math.Min(v, d[i + w - 1] + 4);
                d[i] = v;
            }
        int limit = (int)Math.Floor(3 * radius / Cell);
        for (int y = 1; y < h - 1; y++)
            for (int x = 1; x < w - 1; x++)
                if (d[y * w + x] <= limit) Cells[y * w + x] = true;
    }

    public void Or(ReachRaster other)
    {
        for (int i = 0; i < Cells.Length; i++) Cells[i] |= other.Cells[i];
    }

    /// <summary>Fills diagonal-only contacts (2×2 saddles) so traced rings are simple and never touch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RemoveSaddles()
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int y = 0; y + 1 < Height; y++)
                for (int x = 0; x + 1 < Width; x++)
                {
                    int i = y * Width + x;
                    bool a = Cells[i], b = Cells[i + 1], c = Cells[i + Width], d = Cells[i + Width + 1];
                    if ((a && d && !b && !c) || (b && c && !a && !d))
                    {
                        Cells[i] = Cells[i + 1] = Cells[i + Width] = Cells[i + Width + 1] = true;
                        changed = true;
                    }
                }
        }
    }
}
