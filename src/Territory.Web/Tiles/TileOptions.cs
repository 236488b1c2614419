namespace Territory.Web.Tiles;

/// <summary>When the map reads its estates and territories as vector tiles, and from where (section <c>Territory:Tiles</c>).</summary>
public sealed class TileOptions
{
    /// <summary>From this many estates the map draws estates and territories from tiles instead of loading them whole.</summary>
    public int LargeProjectEstates { get; set; } = 20_000;

    /// <summary>Below this zoom the estates come gathered in cells (count, dwellings, dominant type); from it, one by one.</summary>
    public int AggregateBelowZoom { get; set; } = 12;

    /// <summary>
    /// Who cuts the tiles: <c>auto</c> (PostGIS for a PostGIS project while the user has no scenario edits and the stored
    /// analysis describes the saved data; the server's memory otherwise), <c>memory</c> (always the server), <c>postgis</c>
    /// (PostGIS whenever it can answer).
    /// </summary>
    public string Source { get; set; } = "auto";

    /// <summary>Memory the cut tiles may hold, megabytes of gzip (least recently asked for dropped first).</summary>
    public int CacheMegabytes { get; set; } = 256;

    /// <summary>
    /// Prepare each saved state's tiles when it is published (server start, import, save, another program's commit): the
    /// indexes, cells and simplified polygons, then every tile up to <see cref="PrepareUpToZoom"/> over the data.
    /// </summary>
    public bool Prepare { get; set; } = true;

    /// <summary>Deepest zoom whose tiles are cut in advance (the national and regional views).</summary>
    public int PrepareUpToZoom { get; set; } = 8;
}
