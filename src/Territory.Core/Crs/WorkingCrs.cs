namespace Territory.Core.Crs;

/// <summary>Chooses the projected working CRS for data located by longitude/latitude.</summary>
public static class WorkingCrs
{
    /// <summary>
    /// EPSG:2154 for metropolitan France (and its neighbours), the official projected CRS for the
    /// overseas departments: 5490 Antilles, 2972 Guyane, 2975 La Réunion, 4471 Mayotte.
    /// </summary>
    public static int ChooseFor(double longitude, double latitude)
    {
        if (longitude is > -64 and < -59.5 && latitude is > 14 and < 18.6) return 5490;
        if (longitude is > -55 and < -51 && latitude is > 2 and < 6) return 2972;
        if (longitude is > 55 and < 56 && latitude is > -21.5 and < -20.8) return 2975;
        if (longitude is > 44.9 and < 45.4 && latitude is > -13.1 and < -12.5) return 4471;
        return CrsRegistry.Lambert93;
    }
}
