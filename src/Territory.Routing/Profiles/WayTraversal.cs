namespace Territory.Routing.Profiles;

/// <summary>How a car may use an OSM way: its class, speed and allowed directions.</summary>
/// <param name="HighwayClass">The OSM <c>highway</c> value.</param>
/// <param name="SpeedKmh">Effective speed, km/h.</param>
/// <param name="Forward">Travel allowed along the way's node order.</param>
/// <param name="Backward">Travel allowed against the way's node order.</param>
/// <param name="MaxspeedUsed">True when a tagged maxspeed set the speed.</param>
public readonly record struct WayTraversal(string HighwayClass, double SpeedKmh, bool Forward, bool Backward, bool MaxspeedUsed);
