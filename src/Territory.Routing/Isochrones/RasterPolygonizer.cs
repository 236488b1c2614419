using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;

namespace Territory.Routing.Isochrones;

/// <summary>Traces the outline of a saddle-free <see cref="ReachRaster"/> into valid WGS84 polygons with holes.</summary>
/// <remarks>
/// Boundary edges run along cell sides with the filled cell on their left, so shells come out
/// counter-clockwise and holes clockwise. Without saddles every boundary corner has exactly one
/// outgoing edge, hence rings are simple and disjoint. A hole belongs to the 4-connected
/// component of the cell on its left. Corners go back to lon/lat through the affine
/// <see cref="LocalProjection"/>, which keeps the rings valid.
/// </remarks>
internal static class RasterPolygonizer
{
    // Directions: 0 = +x, 1 = +y, 2 = −x, 3 = −y.
    private static readonly int[] Dx = [1, 0, -1, 0];
    private static readonly int[] Dy = [0, 1, 0, -1];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Geometry Polygonize(ReachRaster r, GeometryFactory factory, LocalProjection projection)
    {
        int vw = r.Width + 1;
        var outDir = new sbyte[vw * (r.Height + 1)];
        Array.Fill(outDir, (sbyte)-1);
        var cells = r.Cells;
        int w = r.Width;
        // The one-cell margin is always empty, so neighbours of interior cells are in range.
        for (int y = 1; y < r.Height - 1; y++)
            for (int x = 1; x < w - 1; x++)
            {
                int i = y * w + x;
                if (!cells[i]) continue;
                if (!cells[i - w]) outDir[y * vw + x] = 0;
                if (!cells[i + 1]) outDir[y * vw + x + 1] = 1;
                if (!cells[i + w]) outDir[(y + 1) * vw + x + 1] = 2;
                if (!cells[i - 1]) outDir[(y + 1) * vw + x] = 3;
            }
        var component = LabelComponents(r);
        var shells = new Dictionary<int, LinearRing>();
        var holes = new Dictionary<int, List<LinearRing>>();
        for (int start = 0; start < outDir.Length; start++)
        {
            if (outDir[start] < 0) continue;
            var coords = new List<Coordinate>();
            int v = start, previousDir = -1;
            double area2 = 0;
            int leftCell = -1;
            while (outDir[v] >= 0)
            {
                int dir = outDir[v];
                outDir[v] = -1;
                int vx = v % vw, vy = v / vw;
                if (leftCell < 0) leftCell = LeftCell(r, vx, vy, dir);
                if (dir != previousDir) coords.Add(new Coordinate(projection.ToLon(r.X0 + vx * r.Cell), projection.ToLat(r.Y0 + vy * r.Cell)));
                int nx = vx + Dx[dir], ny = vy + Dy[dir];
                area2 += (double)vx * ny - (double)nx * vy;
                previousDir = dir;
                v = ny * vw + nx;
            }
            // Drop the first vertex if the ring closes on a straight run.
            if (coords.Count > 1 && outDir.Length > 0 && SameDirectionAtStart(coords)) coords.RemoveAt(0);
            coords.Add(coords[0].Copy());
            var ring = factory.CreateLinearRing(coords.ToArray());
            int comp = component[leftCell];
            if (area2 > 0) shells[comp] = ring;
            else (holes.TryGetValue(comp, out var list) ? list : holes[comp] = []).Add(ring);
        }
        var polygons = shells.OrderBy(s => s.Key)
            .Select(s => factory.CreatePolygon(s.Value, holes.TryGetValue(s.Key, out var h) ? h.ToArray() : null)).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private static bool SameDirectionAtStart(List<Coordinate> c)
    {
        var last = c[^1]; var first = c[0]; var second = c[1];
        return (last.X == first.X && first.X == second.X) || (last.Y == first.Y && first.Y == second.Y);
    }

    private static int LeftCell(ReachRaster r, int vx, int vy, int dir) => dir switch
    {
        0 => vy * r.Width + vx,
        1 => vy * r.Width + vx - 1,
        2 => (vy - 1) * r.Width + vx - 1,
        _ => (vy - 1) * r.Width + vx,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] LabelComponents(ReachRaster r)
    {
        var label = new int[r.Cells.Length];
        Array.Fill(label, -1);
        var cells = r.Cells;
        int w = r.Width;
        var stack = new Stack<int>();
        int next = 0;
        for (int i = 0; i < label.Length; i++)
        {
            if (!r.Cells[i] || label[i] >= 0) continue;
            label[i] = next;
            stack.Push(i);
            while (stack.Count > 0)
            {
                int c = stack.Pop();
                Visit(c - 1); Visit(c + 1); Visit(c - w); Visit(c + w);
            }
            next++;
        }
        return label;

        void Visit(int n)
        {
            if (!cells[n] || label[n] >= 0) return;
            label[n] = next;
            stack.Push(n);
        }
    }
}
