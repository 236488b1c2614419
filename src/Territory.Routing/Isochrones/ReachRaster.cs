namespace Territory.Routing.Isochrones;

/// <summary>A boolean raster in local metres: cells within a distance of reached road pieces.</summary>
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

    /// <summary>Marks every cell whose centre lies within <paramref name="radius"/> of segment a–b.</summary>
    public void MarkCapsule(double ax, double ay, double bx, double by, double radius)
    {
        double length = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
        int pieces = Math.Max(1, (int)Math.Ceiling(length / Math.Max(radius, Cell)));
        double r2 = radius * radius;
        for (int k = 0; k < pieces; k++)
        {
            double px = ax + (bx - ax) * k / pieces, py = ay + (by - ay) * k / pieces;
            double qx = ax + (bx - ax) * (k + 1) / pieces, qy = ay + (by - ay) * (k + 1) / pieces;
            int x0 = Math.Max(0, (int)Math.Floor((Math.Min(px, qx) - radius - X0) / Cell));
            int x1 = Math.Min(Width - 2, (int)Math.Floor((Math.Max(px, qx) + radius - X0) / Cell));
            int y0 = Math.Max(0, (int)Math.Floor((Math.Min(py, qy) - radius - Y0) / Cell));
            int y1 = Math.Min(Height - 2, (int)Math.Floor((Math.Max(py, qy) + radius - Y0) / Cell));
            double dx = qx - px, dy = qy - py, len2 = dx * dx + dy * dy;
            for (int y = Math.Max(1, y0); y <= y1; y++)
            {
                double cy = Y0 + (y + 0.5) * Cell;
                for (int x = Math.Max(1, x0); x <= x1; x++)
                {
                    double cx = X0 + (x + 0.5) * Cell;
                    double t = len2 <= 0 ? 0 : Math.Clamp(((cx - px) * dx + (cy - py) * dy) / len2, 0, 1);
                    double ex = px + t * dx - cx, ey = py + t * dy - cy;
                    if (ex * ex + ey * ey <= r2) Cells[y * Width + x] = true;
                }
            }
        }
    }

    public void Or(ReachRaster other)
    {
        for (int i = 0; i < Cells.Length; i++) Cells[i] |= other.Cells[i];
    }

    /// <summary>Fills diagonal-only contacts (2×2 saddles) so traced rings are simple and never touch.</summary>
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
