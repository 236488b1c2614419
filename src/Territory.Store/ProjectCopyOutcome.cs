namespace Territory.Store;

/// <summary>What <see cref="ProjectCopy.Run"/> wrote.</summary>
/// <param name="Source">Where from (no password).</param>
/// <param name="Target">Where to (no password).</param>
/// <param name="Rows">Rows copied per table.</param>
/// <param name="RoadGraph">True when a road graph was copied.</param>
/// <param name="Hierarchy">True when its contraction hierarchy came with it.</param>
/// <param name="DataVersion">The target's data version afterwards (the source's).</param>
public sealed record ProjectCopyOutcome(string Source, string Target, IReadOnlyDictionary<string, long> Rows, bool RoadGraph, bool Hierarchy, long DataVersion);
