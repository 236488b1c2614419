namespace Territory.Planning.Candidates;

/// <summary>A candidate dropped as a duplicate of another one nearby.</summary>
/// <param name="DroppedId">Id of the dropped candidate.</param>
/// <param name="KeptId">Id of the candidate kept in its place.</param>
/// <param name="DistanceMeters">Distance between the two, metres (working CRS).</param>
public sealed record MergedCandidate(string DroppedId, string KeptId, double DistanceMeters);
