namespace Territory.Store;

/// <summary>
/// The columns result layers are joined on (the map's vector tiles join an estate to its travel review row and its
/// territory, and to its managing agency): every store indexes them in the transaction that writes the result layers
/// (<see cref="IProjectStore.WriteDerived"/>), so no reader has to create them on its first request.
/// </summary>
/// <remarks>
/// A replaced result layer is a new table, so its indexes are made again with it. The input side of a join (the
/// agencies' ids) is indexed by the same write when missing: an import replaces that layer, and the results of the
/// new data are written after it.
/// </remarks>
public static class JoinIndexes
{
    /// <summary>Result layers and their joined columns.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Results { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["travel_estates"] = ["estate_id"],
        ["travel_agencies"] = ["agency_id"],
        ["territories"] = ["territory_id"],
        ["recommendations"] = ["territory_id"],
    };

    /// <summary>Input layers and the columns result layers join them on.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Inputs { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["agencies"] = ["id"],
    };

    /// <summary>The indexes a derived write must leave: (table, column, index name) for the tables written and the inputs.</summary>
    /// <param name="written">Result layers the write created or replaced.</param>
    public static IEnumerable<(string Table, string Column, string Index)> For(IEnumerable<string> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var table in written.Distinct(StringComparer.Ordinal))
            if (Results.TryGetValue(table, out var columns))
                foreach (var column in columns)
                    yield return (table, column, Name(table, column));
        foreach (var (table, columns) in Inputs)
            foreach (var column in columns)
                yield return (table, column, Name(table, column));
    }

    /// <summary>The index name: <c>TABLE_COLUMN_join</c>.</summary>
    public static string Name(string table, string column) => table + "_" + column + "_join";
}
