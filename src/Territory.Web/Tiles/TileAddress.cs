using NetTopologySuite.Geometries;

namespace Territory.Web.Tiles;

/// <summary>An XYZ tile of the Web Mercator grid (EPSG:3857, y counted from the north, OpenLayers' and OSM's scheme).</summary>
/// <param name="Z">Zoom level, 0–<see cref="MaxZoom"/>.</param>
/// <param name="X">Column, 0 at 180° W.</param>
/// <param name="Y">Row, 0 at the grid's north edge (85.05° N).</param>
public readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>Deepest zoom served (a street is then ~10 m across a 256-pixel tile).</summary>
    public const int MaxZoom = 22;

    /// <summary>True when the tile exists in the grid.</summary>
    public bool IsValid => Z is >= 0 and <= MaxZoom && X >= 0 && Y >= 0 && X < (1L << Z) && Y < (1L << Z);

    /// <summary>Side of the tile, metres of EPSG:3857.</summary>
    public double SizeMeters => 2 * WebMercator.HalfWorld / (1L << Z);

    /// <summary>The tile's square in EPSG:3857 metres (what <c>ST_TileEnvelope</c> gives).</summary>
    public Envelope Envelope
    {
        get
        {
            var size = SizeMeters;
            var minX = -WebMercator.HalfWorld + X * size;
            var maxY = WebMercator.HalfWorld - Y * size;
            return new Envelope(minX, minX + size, maxY - size, maxY);
        }
    }

    /// <summary>True when a point (EPSG:3857) belongs to this tile: its west and north edges are in, its east and south edges belong to the next tiles.</summary>
    /// <remarks>Half-open so that a point on a shared edge is drawn by one tile only; the PostGIS query uses the same test.</remarks>
    public bool Holds(double x, double y)
    {
        var e = Envelope;
        return x >= e.MinX && x < e.MaxX && y > e.MinY && y <= e.MaxY;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Z}/{X}/{Y}";
}
