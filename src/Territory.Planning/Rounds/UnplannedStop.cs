namespace Territory.Planning.Rounds;

/// <summary>A stop left out of the round, and why (<see cref="UnplannedReasons"/>).</summary>
public sealed record UnplannedStop(string Id, string Reason);
