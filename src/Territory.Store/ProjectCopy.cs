using Territory.Core.Messages;

namespace Territory.Store;

/// <summary>Moves a whole project from one store to another (GeoPackage ↔ PostGIS): <c>territory copy SRC DST</c>.</summary>
/// <remarks>
/// Every table (<see cref="IProjectTables.Tables"/>: input layers, their previous versions, result layers,
/// scenarios, stored results, audit, metadata with the data version) is written to the target in one
/// transaction, rows in feature-id order, then the road graph and its hierarchy. The target is refused
/// when it already holds data, unless <c>overwrite</c>: a copy never mixes two projects.
/// </remarks>
public static class ProjectCopy
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/>.</summary>
    /// <exception cref="ReasonException">The target already holds a project and <paramref name="overwrite"/> is false.</exception>
    public static ProjectCopyOutcome Run(IProjectStore source, IProjectStore target, bool overwrite, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!overwrite && (target.WorkingCrs is not null || target.DataVersion > 0))
            throw new ReasonException(Message.Of("copy_target_not_empty", ("target", target.Location)));
        var tables = source.Tables();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var done = 0;
        target.Restore(tables, table =>
        {
            progress?.Report(0.8 * done++ / Math.Max(1, tables.Count));
            return Count(table.Name, source.ReadRows(table, ct));
        }, ct);
        progress?.Report(0.8);
        var graph = source.LoadRoadGraph();
        if (graph is not null)
            target.SaveRoadGraph(graph, ct);
        progress?.Report(1);
        return new ProjectCopyOutcome(source.Location, target.Location, counts, graph is not null, graph?.Hierarchy is not null, target.DataVersion);

        IEnumerable<TableRow> Count(string name, IEnumerable<TableRow> rows)
        {
            long n = 0;
            foreach (var row in rows)
            {
                n++;
                yield return row;
            }
            counts[name] = n;
        }
    }
}
