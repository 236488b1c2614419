namespace Territory.Core.Crs;

/// <summary>Where in France a longitude/latitude falls: metropolitan France or an overseas department.</summary>
/// <remarks>
/// Used by the importers to catch positions in the sea or abroad. Saint-Pierre-et-Miquelon, the
/// Pacific collectivities and the TAAF have no projected CRS in <see cref="CrsRegistry"/> and are
/// not listed: positions there are reported as outside France.
/// </remarks>
public static class FranceRegions
{
    /// <summary>The regions, metropolitan France first.</summary>
    public static IReadOnlyList<FranceRegion> All => Regions;

    // An array, not the interface, in the hot loop: importers call Locate once or twice per row.
    private static readonly FranceRegion[] Regions =
    [
        new("France métropolitaine", CrsRegistry.Lambert93, -5.6, 41.2, 9.8, 51.2),
        new("Guadeloupe", 5490, -61.9, 15.8, -60.9, 16.6),
        new("Martinique", 5490, -61.3, 14.3, -60.7, 14.95),
        new("Saint-Martin et Saint-Barthélemy", 5490, -63.2, 17.8, -62.7, 18.2),
        new("Guyane", 2972, -54.7, 2.0, -51.5, 6.0),
        new("La Réunion", 2975, 55.1, -21.5, 56.0, -20.8),
        new("Mayotte", 4471, 44.9, -13.1, 45.4, -12.5),
    ];

    /// <summary>The region holding the position, or null when it is outside France and its overseas departments.</summary>
    public static FranceRegion? Locate(double longitude, double latitude)
    {
        foreach (var r in Regions)
        {
            if (r.Contains(longitude, latitude))
                return r;
        }
        return null;
    }
}
