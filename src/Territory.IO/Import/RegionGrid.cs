using Territory.Core.Crs;

namespace Territory.IO.Import;

/// <summary>
/// Where in France a position given in a projected CRS falls (<see cref="FranceRegions.Locate"/>), without taking it to
/// longitude/latitude, wherever the answer cannot depend on the position inside a square of <see cref="Cell"/> metres:
/// the squares whose whole image lies in one region's box, <see cref="Margin"/> degrees from its edges.
/// </summary>
/// <remarks>
/// Made for the regions served by the source's own CRS (Lambert-93 for metropolitan France, the UTM zone of an overseas
/// department): their box taken to the CRS (<see cref="EdgeSamples"/> points a side) bounds the grid; a square is known
/// when the boxes of its corners' longitudes/latitudes, widened by the margin, lie in the same region. Inside 20 km the
/// image of a square departs from its corners' box by metres, far less than the margin (about a kilometre), so the answer
/// is the one the longitude/latitude would give; squares across an edge, or outside the grid, are left to it.
/// </remarks>
internal sealed class RegionGrid
{
    private const double Cell = 20_000;
    private const double Margin = 0.01;
    private const int EdgeSamples = 200;
    /// <summary>No grid over more squares than this (a CRS whose units are not metres).</summary>
    private const int MaxSquares = 1 << 20;

    private readonly double _x0, _y0;
    private readonly int _nx, _ny;
    private readonly FranceRegion?[] _squares;

    private RegionGrid(double x0, double y0, int nx, int ny, FranceRegion?[] squares) =>
        (_x0, _y0, _nx, _ny, _squares) = (x0, y0, nx, ny, squares);

    /// <summary>The grid of the regions served by <paramref name="sourceCrs"/>, or null when none is (or it cannot be made).</summary>
    /// <param name="sourceCrs">The projected CRS the positions are given in.</param>
    /// <param name="toLonLat">From <paramref name="sourceCrs"/> to longitude/latitude (the transform the answers must agree with).</param>
    public static RegionGrid? For(int sourceCrs, Reprojector toLonLat)
    {
        var regions = FranceRegions.All.Where(r => r.WorkingCrs == sourceCrs).ToList();
        if (regions.Count == 0 || CrsRegistry.IsGeographic(sourceCrs))
            return null;
        var fromLonLat = new Reprojector(CrsRegistry.Wgs84, sourceCrs);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var r in regions)
        {
            for (var i = 0; i <= EdgeSamples; i++)
            {
                var t = (double)i / EdgeSamples;
                var lon = r.MinLongitude + t * (r.MaxLongitude - r.MinLongitude);
                var lat = r.MinLatitude + t * (r.MaxLatitude - r.MinLatitude);
                foreach (var (x, y) in new[] { fromLonLat.Transform(lon, r.MinLatitude), fromLonLat.Transform(lon, r.MaxLatitude),
                                               fromLonLat.Transform(r.MinLongitude, lat), fromLonLat.Transform(r.MaxLongitude, lat) })
                {
                    if (!double.IsFinite(x) || !double.IsFinite(y))
                        return null;
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                }
            }
        }
        var nx = (int)Math.Ceiling((maxX - minX) / Cell);
        var ny = (int)Math.Ceiling((maxY - minY) / Cell);
        if (nx <= 0 || ny <= 0 || (long)nx * ny > MaxSquares)
            return null;
        // The corners' longitudes/latitudes, once each.
        var lons = new double[(nx + 1) * (ny + 1)];
        var lats = new double[lons.Length];
        for (var j = 0; j <= ny; j++)
        {
            for (var i = 0; i <= nx; i++)
                (lons[j * (nx + 1) + i], lats[j * (nx + 1) + i]) = toLonLat.Transform(minX + i * Cell, minY + j * Cell);
        }
        var squares = new FranceRegion?[nx * ny];
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                int a = j * (nx + 1) + i, b = a + 1, c = a + nx + 1, d = c + 1;
                var west = Math.Min(Math.Min(lons[a], lons[b]), Math.Min(lons[c], lons[d])) - Margin;
                var east = Math.Max(Math.Max(lons[a], lons[b]), Math.Max(lons[c], lons[d])) + Margin;
                var south = Math.Min(Math.Min(lats[a], lats[b]), Math.Min(lats[c], lats[d])) - Margin;
                var north = Math.Max(Math.Max(lats[a], lats[b]), Math.Max(lats[c], lats[d])) + Margin;
                if (!double.IsFinite(west) || !double.IsFinite(east) || !double.IsFinite(south) || !double.IsFinite(north))
                    continue;
                // The region of every corner of the widened box: its box holds them all, and no region listed before it
                // holds any (the regions' boxes do not overlap, and a box is convex).
                var region = FranceRegions.Locate(west, south);
                if (region is not null && regions.Contains(region) && FranceRegions.Locate(east, south) == region
                    && FranceRegions.Locate(west, north) == region && FranceRegions.Locate(east, north) == region)
                    squares[j * nx + i] = region;
            }
        }
        return new RegionGrid(minX, minY, nx, ny, squares);
    }

    /// <summary>The region of (<paramref name="x"/>, <paramref name="y"/>) when its square knows it; null when the longitude/latitude must tell.</summary>
    public FranceRegion? Known(double x, double y)
    {
        var fx = (x - _x0) / Cell;
        var fy = (y - _y0) / Cell;
        if (!(fx >= 0 && fy >= 0 && fx < _nx && fy < _ny))
            return null;
        return _squares[(int)fy * _nx + (int)fx];
    }
}
