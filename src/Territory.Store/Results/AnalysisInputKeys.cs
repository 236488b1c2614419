using Territory.Core.Typology;

namespace Territory.Store.Results;

/// <summary>Content hashes of what a travel review and an analysis are computed from: each input layer, the road graph, the configuration.</summary>
/// <remarks>
/// A stored result is reused only while the key of its inputs is the same; the key names each part
/// (<c>estates=…;agencies=…</c>), so that a mismatch says which input changed.
/// </remarks>
/// <param name="Estates">Hash of the estates layer as read.</param>
/// <param name="Agencies">Hash of the presence points.</param>
/// <param name="Communes">Hash of the communes.</param>
/// <param name="Districts">Hash of the QPV.</param>
/// <param name="Graph">The road graph's content fingerprint and size (<see cref="GraphKey"/>), or <c>none</c>.</param>
/// <param name="Config">Hash of the typology configuration and the delineation.</param>
/// <param name="Sites">Hash of the located sites of the presence plan (the project's site plan), or <c>none</c>.</param>
public sealed record AnalysisInputKeys(string Estates, string Agencies, string Communes, string Districts, string Graph, string Config, string Sites = "none")
{
    /// <summary>Version of the stored form: a new one makes every stored result stale.</summary>
    internal const string FormatVersion = "7";

    /// <summary>Key of the travel review: estates, presence points, road graph.</summary>
    public string Review => $"v={FormatVersion};estates={Estates};agencies={Agencies};graph={Graph}";

    /// <summary>Key of the analysis: every input layer, the road graph and the configuration.</summary>
    public string Analysis => $"{Review};communes={Communes};qpv={Districts};config={Config};sites={Sites}";

    /// <summary>Hashes of the layers of <paramref name="data"/>, with the graph key and the configuration.</summary>
    /// <param name="data">The layers as read.</param>
    /// <param name="graphKey">From <see cref="GraphKey"/>.</param>
    /// <param name="config">The typology configuration.</param>
    /// <param name="delineation">How territories are cut (part of the configuration's key).</param>
    /// <param name="sites">The located sites the analysis is given (<c>AnalysisInput.Sites</c>), or null.</param>
    public static AnalysisInputKeys Of(ProjectData data, string graphKey, TypologyConfig config,
        Core.Territories.DelineationMode delineation = Core.Territories.DelineationMode.CommuneAndQpv,
        IReadOnlyList<Core.Presence.SitePlacement>? sites = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(config);
        // Each layer hashes by runs of rows side by side: at 150,000 estates the estates alone take most of the time.
        return new AnalysisInputKeys(ContentHash.OfList(data.Estates), ContentHash.OfList(data.Agencies), ContentHash.OfList(data.Communes),
            ContentHash.OfList(data.Districts), graphKey,
            ContentHash.OfText($"{data.WorkingCrs};{delineation};{config.ToJson()}"), SitesKey(sites));
    }

    /// <summary>The same keys with other located sites (a site plan stored or replaced since).</summary>
    public AnalysisInputKeys WithSites(IReadOnlyList<Core.Presence.SitePlacement>? sites) => this with { Sites = SitesKey(sites) };

    private static string SitesKey(IReadOnlyList<Core.Presence.SitePlacement>? sites) =>
        sites is null || sites.Count == 0 ? "none" : ContentHash.Of(sites);

    /// <summary>The same keys with other presence points (a scenario's).</summary>
    public AnalysisInputKeys WithAgencies(IReadOnlyList<Core.Model.Agency> agencies) => this with { Agencies = ContentHash.OfList(agencies) };

    /// <summary>The road graph's content fingerprint with its node and edge counts and the snapping rule, or <c>none</c> without a graph.</summary>
    /// <remarks>
    /// Taken from the loaded graph, not from a file: the same on a GeoPackage project (graph beside it) and on a
    /// PostGIS one (graph in the schema), and unchanged by a copy of the project. The snapping rule's version is
    /// part of it: which roads a point snaps to decides every travel time read from the graph.
    /// </remarks>
    /// <param name="graph">The project's graph (<see cref="IProjectStore.LoadRoadGraph"/>), or null.</param>
    public static string GraphKey(Routing.Graph.RoadGraph? graph) =>
        graph is null ? "none" : $"{graph.Fingerprint:x16}-{graph.NodeCount}-{graph.EdgeCount}-snap{Routing.Snapping.RoadSnapper.RuleVersion}";

    /// <summary>The parts of <paramref name="storedKey"/> that differ from <paramref name="currentKey"/> (<c>estates</c>, <c>config</c>…).</summary>
    public static IReadOnlyList<string> Changed(string storedKey, string currentKey)
    {
        var stored = Parts(storedKey);
        return Parts(currentKey).Where(p => !stored.TryGetValue(p.Key, out var v) || v != p.Value).Select(p => p.Key).ToList();
    }

    private static Dictionary<string, string> Parts(string key) => key.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
