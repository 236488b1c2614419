namespace Territory.Demo;

/// <summary>A road way: ordered node ids and OSM tags (<c>highway</c>, <c>name</c>, <c>oneway</c>…).</summary>
/// <remarks>Tags iterate in ordinal key order, so output is deterministic.</remarks>
public sealed record DemoRoadWay(long Id, IReadOnlyList<long> NodeIds, IReadOnlyDictionary<string, string> Tags);
