namespace Territory.Routing.Isochrones;

/// <summary>Settings of isochrone construction.</summary>
public sealed record IsochroneParameters
{
    /// <summary>Reached road pieces are widened by this distance, metres (about a snapping tolerance).</summary>
    public double BufferMeters { get; init; } = 100;

    /// <summary>Raster cell size, metres; enlarged automatically to keep the raster under <see cref="MaxRasterCells"/>.</summary>
    /// <remarks>
    /// Outlines are accurate to about one cell plus 6 % of <see cref="BufferMeters"/>: with the
    /// 100 m default and a 100 m buffer, an area holds every cell crossed by a reached road and its
    /// four side neighbours, so a point in it lies within ~1.5 cells (≈ 150 m) plus the buffer of a
    /// reached road. Time grows with the number of cells: 100 m is about 3× faster than 50 m
    /// (Andorra 10/20/30 min) for outlines 50 m coarser; pass 50 m for finer maps.
    /// </remarks>
    public double CellSizeMeters { get; init; } = 100;

    /// <summary>Upper bound on raster cells (memory and time guard).</summary>
    public long MaxRasterCells { get; init; } = 16_000_000;

    /// <summary>The origin must lie within this distance of a routable road, metres.</summary>
    public double MaxSnapDistanceMeters { get; init; } = Snapping.RoadSnapper.DefaultMaxSnapDistanceMeters;
}
