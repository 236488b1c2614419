namespace Territory.Core.Analysis;

/// <summary>
/// Per-estate isolation an analysis computed (in the order of its input estates): what depends on the estates alone,
/// kept with the result so that a later analysis of the same estates (a scenario's edit of presence points) reuses it.
/// </summary>
/// <param name="RadiusMeters">Isolation radius it was computed with (<see cref="Typology.TravelSettings.IsolationRadiusMeters"/>).</param>
/// <param name="NearestSameLandlordMeters">Per estate: distance to the nearest other estate of its landlord, metres (null: none within reach).</param>
/// <param name="NearbyLandlordDwellings">Per estate: dwellings of its landlord within the radius, the estate excluded.</param>
public sealed record EstateIsolation(double RadiusMeters, IReadOnlyList<double?> NearestSameLandlordMeters, IReadOnlyList<int> NearbyLandlordDwellings)
{
    /// <summary>True when it can stand for the isolation of <paramref name="estates"/> at <paramref name="radiusMeters"/>.</summary>
    internal bool Fits(int estates, double radiusMeters) =>
        RadiusMeters.Equals(radiusMeters) && NearestSameLandlordMeters.Count == estates && NearbyLandlordDwellings.Count == estates;
}
