using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;

namespace Territory.Routing.Isochrones;

/// <summary>Traces the outline of a saddle-free <see cref="ReachRaster"/> into valid WGS84 polygons with holes.</summary>
/// <remarks>
/// Boundary edges run along cell sides with the filled cell on their left, so shells come out
/// counter-clockwise and holes clockwise. Without saddles every boundary corner has exactly one
/// outgoing edge, hence rings are simple and disjoint. Rings are started in row-major order, so
/// each starts at its lowest-then-leftmost corner; a hole's lowest-left filled neighbour row,
/// walked leftwards to its first empty cell, meets a ring of the same component that started
/// earlier, so the hole takes that ring's shell without labelling components. Corners go back to
/// lon/lat through the affine <see cref="LocalProjection"/>, which keeps the rings valid and
/// the polygons are assembled directly (no overlay). Buffers are reused between calls.
/// </remarks>
internal sealed class RasterPolygonizer
{
    // Directions + 1 (0 = no edge): 1 = +x, 2 = +y, 3 = −x, 4 = −y.
    private static readonly int[] Dx = [0, 1, 0, -1, 0];
    private static readonly int[] Dy = [0, 0, 1, 0, -1];
    private byte[] _outDir = [];
    private int[] _ringAt = [];
    private readonly List<Coordinate> _coords = [];
    private readonly List<LinearRing> _rings = [];
    private readonly List<int> _owner = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Geometry Polygonize(ReachRaster r, GeometryFactory factory, LocalProjection projection)
    {
        int w = r.Width, vw = w + 1;
        int nv = vw * (r.Height + 1);
        if (_outDir.Length < nv) { _outDir = new byte[nv]; _ringAt = new int[nv]; }
        // Tracing consumes every edge, so the buffer is all zeros between calls.
        var outDir = _outDir.AsSpan(0, nv);
        var ringAt = _ringAt;
        ReadOnlySpan<bool> cells = r.Cells;
        // The one-cell margin is always empty, so neighbours of interior cells are in range.
        for (int y = 1; y < r.Height - 1; y++)
        {
            int row = y * w;
            int start = cells.Slice(row + 1, w - 2).IndexOf(true);
            if (start < 0) continue;
            for (int x = start + 1; x < w - 1; x++)
            {
                int i = row + x;
                if (!cells[i]) continue;
                if (!cells[i - w]) outDir[y * vw + x] = 1;
                if (!cells[i + 1]) outDir[y * vw + x + 1] = 2;
                if (!cells[i + w]) outDir[(y + 1) * vw + x + 1] = 3;
                if (!cells[i - 1]) outDir[(y + 1) * vw + x] = 4;
            }
        }
        _rings.Clear();
        _owner.Clear();
        int shellCount = 0;
        for (int s = 0; ;)
        {
            int found = outDir[s..].IndexOfAnyExcept((byte)0);
            if (found < 0) break;
            s += found;
            int id = _rings.Count;
            var coords = _coords;
            coords.Clear();
            int v = s, previousDir = -1;
            long area2 = 0;
            while (outDir[v] != 0)
            {
                int dir = outDir[v];
                outDir[v] = 0;
                ringAt[v] = id;
                int vx = v % vw, vy = v / vw;
                if (dir != previousDir)
                    coords.Add(new Coordinate(projection.ToLon(r.X0 + vx * r.Cell), projection.ToLat(r.Y0 + vy * r.Cell)));
                int nx = vx + Dx[dir], ny = vy + Dy[dir];
                area2 += (long)vx * ny - (long)nx * vy;
                previousDir = dir;
                v = ny * vw + nx;
            }
            // Drop the first vertex if the ring closes on a straight run.
            if (coords.Count > 1 && SameDirectionAtStart(coords)) coords.RemoveAt(0);
            coords.Add(coords[0].Copy());
            _rings.Add(factory.CreateLinearRing(coords.ToArray()));
            if (area2 > 0) { _owner.Add(id); shellCount++; }
            else _owner.Add(_owner[HoleNeighbour(cells, w, vw, s)]);
        }
        var holes = new List<LinearRing>?[_rings.Count];
        for (int k = 0; k < _rings.Count; k++)
            if (_owner[k] != k) (holes[_owner[k]] ??= []).Add(_rings[k]);
        var polygons = new Polygon[shellCount];
        int p = 0;
        for (int k = 0; k < _rings.Count; k++)
            if (_owner[k] == k) polygons[p++] = factory.CreatePolygon(_rings[k], holes[k]?.ToArray());
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>The ring met walking left from the filled cell beside a hole's first corner.</summary>
    /// <remarks>
    /// A hole starts at its lowest-left corner (sx, sy) going +y, with the filled cell (sx − 1, sy)
    /// on its left. Walking left along row sy to the last filled cell x, the downward (−y) edge
    /// from corner (x, sy + 1) to (x, sy) belongs to a ring through (x, sy), which comes before
    /// (sx, sy) in row-major order: that ring was traced already and bounds the same component.
    /// </remarks>
    private int HoleNeighbour(ReadOnlySpan<bool> cells, int w, int vw, int start)
    {
        int sx = start % vw, sy = start / vw;
        int x = sx - 1;
        while (cells[sy * w + x - 1]) x--;
        return _ringAt[(sy + 1) * vw + x];
    }

    private static bool SameDirectionAtStart(List<Coordinate> c)
    {
        var last = c[^1]; var first = c[0]; var second = c[1];
        return (last.X == first.X && first.X == second.X) || (last.Y == first.Y && first.Y == second.Y);
    }
}
