namespace Territory.Routing.Isochrones;

/// <summary>Settings of isochrone construction.</summary>
public sealed record IsochroneParameters
{
    /// <summary>Reached road pieces are widened by this distance, metres (about a snapping tolerance).</summary>
    public double BufferMeters { get; init; } = 100;

    /// <summary>Raster cell size, metres; enlarged automatically to keep the raster under <see cref="MaxRasterCells"/>.</summary>
    /// <remarks>Time grows with the number of cells: 50 m is 4× faster than 25 m for outlines 25 m coarser.</remarks>
    public double CellSizeMeters { get; init; } = 50;

    /// <summary>Upper bound on raster cells (memory and time guard).</summary>
    public long MaxRasterCells { get; init; } = 16_000_000;

    /// <summary>The origin must lie within this distance of a routable road, metres.</summary>
    public double MaxSnapDistanceMeters { get; init; } = Snapping.RoadSnapper.DefaultMaxSnapDistanceMeters;
}
