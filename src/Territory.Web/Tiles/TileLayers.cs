namespace Territory.Web.Tiles;

/// <summary>The layers served as vector tiles and the constants of their grid.</summary>
public static class TileLayers
{
    public const string Estates = "estates";
    public const string Territories = "territories";
    public const string Communes = "communes";
    public const string Qpv = "qpv";

    /// <summary>Layers served, in drawing order.</summary>
    public static IReadOnlyList<string> All { get; } = [Communes, Territories, Qpv, Estates];

    /// <summary>Tile coordinates per side (the MVT default).</summary>
    public const int Extent = 4096;

    /// <summary>Margin kept around a tile when clipping polygons, tile units (4 pixels of a 256-pixel tile).</summary>
    public const int Buffer = 64;

    /// <summary>Douglas-Peucker tolerance for polygons, tile units (half a pixel of a 256-pixel tile).</summary>
    public const double SimplifyUnits = 8;

    /// <summary>Cells per tile side when estates are gathered (16 pixels of a 256-pixel tile).</summary>
    public const int CellsPerSide = 16;

    /// <summary>True for a layer name served.</summary>
    public static bool IsKnown(string layer) => All.Contains(layer, StringComparer.Ordinal);
}
