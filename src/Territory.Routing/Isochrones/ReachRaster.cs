using System.Runtime.CompilerServices;
namespace Territory.Routing.Isochrones;

/// <summary>A boolean raster in local metres: the cells of an isochrone area.</summary>
/// <remarks>Cell (x, y) covers [X0 + x·s, X0 + (x+1)·s] × [Y0 + y·s, Y0 + (y+1)·s]; a one-cell empty margin surrounds the data.</remarks>
internal sealed class ReachRaster(int width, int height, double x0, double y0, double cell)
{
    public readonly int Width = width;
    public readonly int Height = height;
    public readonly double X0 = x0;
    public readonly double Y0 = y0;
    public readonly double Cell = cell;
    public readonly bool[] Cells = new bool[width * height];

    public bool this[int x, int y] => x >= 0 && y >= 0 && x < Width && y < Height && Cells[y * Width + x];

    /// <summary>Fills diagonal-only contacts (2×2 saddles) so traced rings are simple and never touch.</summary>
    /// <remarks>Only adds cells, so an area that contained another still does.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RemoveSaddles()
    {
        var cells = Cells;
        int w = Width;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int y = 0; y + 1 < Height; y++)
            {
                int row = y * w;
                for (int x = 0; x + 1 < w; x++)
                {
                    int i = row + x;
                    bool a = cells[i], d = cells[i + w + 1];
                    if (a == d)
                    {
                        bool b = cells[i + 1], c = cells[i + w];
                        if (b == c && a != b)
                        {
                            cells[i] = cells[i + 1] = cells[i + w] = cells[i + w + 1] = true;
                            changed = true;
                        }
                    }
                }
            }
        }
    }
}
