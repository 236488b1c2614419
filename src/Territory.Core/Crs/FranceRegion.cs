namespace Territory.Core.Crs;

/// <summary>A part of France with the projected CRS that serves it.</summary>
/// <param name="Name">French name shown to users (« Guadeloupe », « France métropolitaine »).</param>
/// <param name="WorkingCrs">EPSG code of the official projected CRS for that part.</param>
/// <param name="MinLongitude">West bound, degrees.</param>
/// <param name="MinLatitude">South bound, degrees.</param>
/// <param name="MaxLongitude">East bound, degrees.</param>
/// <param name="MaxLatitude">North bound, degrees.</param>
/// <remarks>Bounds are generous boxes (a few kilometres of sea around the coast), not coastlines.</remarks>
public sealed record FranceRegion(string Name, int WorkingCrs, double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    /// <summary>True when the position lies in the box.</summary>
    public bool Contains(double longitude, double latitude) =>
        longitude >= MinLongitude && longitude <= MaxLongitude && latitude >= MinLatitude && latitude <= MaxLatitude;
}
