using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Store.Results;

/// <summary>What an analysis reads from a project: its layers, its road graph and its stored results.</summary>
/// <param name="Data">The layers, read at one data version.</param>
/// <param name="Graph">The road graph, or null.</param>
/// <param name="Stored">The stored review and analysis, decoded (used only when their keys match <paramref name="Data"/> and <paramref name="Graph"/>).</param>
public sealed record ProjectInputs(ProjectData Data, RoadGraph? Graph, StoredResults Stored)
{
    /// <summary>
    /// Reads the three side by side, each on a connection of its own (the large layers too, <see cref="ProjectData.ReadParallel"/>);
    /// when no travel review is stored, the graph's road index is built meanwhile for the review to come.
    /// </summary>
    /// <param name="store">The project, open.</param>
    /// <param name="openAnother">Opens the same project again (one more connection).</param>
    public static ProjectInputs Read(IProjectStore store, Func<IProjectStore> openAnother)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(openAnother);
        var stored = Task.Run(() =>
        {
            using var other = openAnother();
            return StoredResults.Read(other);
        });
        var graph = Task.Run(() =>
        {
            RoadGraph? loaded;
            using (var other = openAnother())
                loaded = other.LoadRoadGraph();
            if (loaded is not null && stored.GetAwaiter().GetResult().ReviewValue is null)
                RoadSnapper.For(loaded);
            return loaded;
        });
        try
        {
            var data = ProjectData.ReadParallel(store, openAnother);
            return new ProjectInputs(data, graph.GetAwaiter().GetResult(), stored.GetAwaiter().GetResult());
        }
        finally
        {
            // Never leave a reading task behind on a failure (the failure is the one thrown above).
            Task.WaitAny([Task.WhenAll(graph, stored)], CancellationToken.None);
        }
    }
}
