using Territory.IO.Layers;

namespace Territory.Store;

/// <summary>Table-level access to a whole project: what <see cref="ProjectCopy"/> moves from one store to another.</summary>
/// <remarks>
/// Every table of a project — input layers, the previous version of each (kept for undo), result layers and
/// the store's own tables, metadata included — with its definition; rows in feature-id order. The road graph
/// is not a table: it goes through <see cref="IProjectStore.LoadRoadGraph"/> and <see cref="IProjectStore.SaveRoadGraph"/>.
/// </remarks>
public interface IProjectTables
{
    /// <summary>Every table of the project, with its columns, geometry type and CRS.</summary>
    IReadOnlyList<LayerDefinition> Tables();

    /// <summary>The rows of a table in feature-id order; values follow the definition's columns (long, double, string, byte[] or null).</summary>
    IEnumerable<TableRow> ReadRows(LayerDefinition table, CancellationToken ct = default);

    /// <summary>Replaces the whole project by these tables, in one transaction: afterwards it holds exactly them.</summary>
    /// <param name="tables">The tables to write (from <see cref="Tables"/> of another store).</param>
    /// <param name="rows">The rows of each table.</param>
    /// <param name="ct">Cancels the restore (rolled back: the project is left as it was).</param>
    void Restore(IReadOnlyList<LayerDefinition> tables, Func<LayerDefinition, IEnumerable<TableRow>> rows, CancellationToken ct = default);
}
