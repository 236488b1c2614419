namespace Territory.IO.Reports;

/// <summary>A comparison of presence networks ready to print: rendered labels and values, one column per network.</summary>
/// <param name="Title">Section title.</param>
/// <param name="Headers">Column headers: the measure, then the saved state and each scenario.</param>
/// <param name="Rows">Rows: the measure's label, then one rendered value per network.</param>
/// <param name="Notes">Sentences under the table (estimated times, cut-off…).</param>
/// <param name="Changes">Territories that change: headers then rows of rendered cells (may be empty).</param>
public sealed record ComparisonTable(
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Notes,
    IReadOnlyList<IReadOnlyList<string>> Changes)
{
    /// <summary>Headers of <see cref="Changes"/>.</summary>
    public IReadOnlyList<string> ChangeHeaders { get; init; } = [];

    /// <summary>Title of the changes table.</summary>
    public string? ChangesTitle { get; init; }
}
