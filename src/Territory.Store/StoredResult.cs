namespace Territory.Store;

/// <summary>A result kept in the store with the key of its inputs (layer revisions, configuration, road graph).</summary>
/// <param name="Name">Result name (<c>analysis</c>, <c>travel_review</c>…).</param>
/// <param name="InputKey">Hash of the inputs it was computed from: reuse it only while the current key is equal.</param>
/// <param name="DataVersion">Data version when it was written.</param>
/// <param name="WrittenAt">When (UTC).</param>
/// <param name="Payload">The serialised result.</param>
public sealed record StoredResult(string Name, string InputKey, long DataVersion, DateTimeOffset WrittenAt, byte[] Payload);
