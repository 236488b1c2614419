namespace Territory.Demo;

/// <summary>A road node.</summary>
/// <remarks>WGS 84 degrees, rounded to 1e-7 (the OSM PBF resolution).</remarks>
public sealed record DemoRoadNode(long Id, double Longitude, double Latitude);
