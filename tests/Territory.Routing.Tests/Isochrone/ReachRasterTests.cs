using Territory.Routing.Isochrones;

namespace Territory.Routing.Tests.Isochrone;

/// <summary>The area raster's threshold and saddle filling, a vector of cells at a time, give the plain cell-by-cell result.</summary>
public sealed class ReachRasterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Add_RandomArrivals_SameCellsAsThePlainScan(int seed)
    {
        var random = new Random(seed);
        var times = new TimeRaster();
        var area = new ReachRaster();
        // Widths around and between vector sizes (16, 32, 64 bytes), sparse and dense road cells.
        foreach (var (width, density) in new[] { (7, 0.5), (33, 0.3), (64, 0.6), (97, 0.45), (130, 0.2), (257, 0.5) })
        {
            int height = 5 + random.Next(60);
            // Cells of 1 m from (0, 0): the raster adds a margin of a cell and an empty border around the marked points.
            times.Reset(0, 0, width - 1, height - 1, 1, 0, 1_000_000);
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    if (random.NextDouble() < density)
                    {
                        var at = new EdgeArrival(random.Next(1, 1_000_000), double.PositiveInfinity, 1, 0, false, false);
                        times.MarkSegment(x + 0.5, y + 0.5, 0, x + 0.5, y + 0.5, 0, 0, at);
                    }
            times.Widen(0);
            area.Reset(times);
            var expected = new bool[times.Width * times.Height];
            foreach (long cutoff in new long[] { 200_000, 500_000, 900_000 })
            {
                area.Add(times, cutoff);
                Plain(expected, times, cutoff);
                Assert.Equal(expected, area.Cells.ToArray());
            }
        }
    }

    // The former cell-by-cell threshold and saddle filling, kept here as the reference.
    private static void Plain(bool[] cells, TimeRaster times, long cutoffMs)
    {
        int w = times.Width, h = times.Height;
        var arrival = times.Arrival;
        for (int i = 0; i < cells.Length; i++) cells[i] |= arrival[i] <= cutoffMs;
        var again = new Stack<int>();
        for (int y = 0; y + 1 < h; y++)
            for (int x = 0; x + 1 < w; x++)
                if (Saddle(y * w + x)) Fill(y * w + x);
        while (again.TryPop(out int i))
            if (Saddle(i)) Fill(i);

        bool Saddle(int i) => cells[i] == cells[i + w + 1] && cells[i + 1] == cells[i + w] && cells[i] != cells[i + 1];

        void Fill(int i)
        {
            cells[i] = cells[i + 1] = cells[i + w] = cells[i + w + 1] = true;
            int x = i % w, y = i / w;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx + 1 < w && ny + 1 < h && (dx | dy) != 0) again.Push(ny * w + nx);
                }
        }
    }
}
