using NetTopologySuite.Geometries;

namespace Territory.Planning.Rounds;

/// <summary>A stop of the mobile agency: where, how long, how often.</summary>
/// <remarks><see cref="Location"/> is in the working CRS; <see cref="StopMinutes"/> is the time spent there (opening hours), minutes.</remarks>
public sealed record RoundStop
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required Point Location { get; init; }
    public double StopMinutes { get; init; } = 120;
    public VisitFrequency Frequency { get; init; } = VisitFrequency.Weekly;
}
