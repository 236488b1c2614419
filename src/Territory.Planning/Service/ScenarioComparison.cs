using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.Planning.Service;

/// <summary>Scenarios side by side with the saved state: one column per network, one row per measure.</summary>
/// <param name="Columns">The saved state first, then the scenarios in the order asked.</param>
/// <param name="Rows">The measures (see <see cref="ComparisonMetrics"/>), each with one value per column.</param>
/// <param name="Changes">Territories whose type, plan or times change, per scenario.</param>
/// <param name="Estimated">True when times are straight-line estimates (no road graph).</param>
public sealed record ScenarioComparison(
    IReadOnlyList<ComparisonColumn> Columns,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<TerritoryChange> Changes,
    bool Estimated)
{
    /// <summary>Cut-off of <see cref="ComparisonMetrics.EstatesBeyond"/>, minutes.</summary>
    public double CutoffMinutes { get; init; }

    /// <summary>Data version of the saved state the networks were evaluated over.</summary>
    public long DataVersion { get; init; }
}

/// <summary>A network of the comparison.</summary>
/// <param name="Name">Scenario name; null for the saved state.</param>
/// <param name="Source">Scenario source (<c>map</c>, <c>plan</c>, <c>cli</c>); null for the saved state.</param>
/// <param name="Changes">Number of changes of the scenario (0 for the saved state).</param>
/// <param name="BaseVersion">Data version the scenario was made over (the saved state's own version for it).</param>
public sealed record ComparisonColumn(string? Name, string? Source, int Changes, long BaseVersion)
{
    /// <summary>True for the saved state.</summary>
    public bool Saved => Name is null;
}

/// <summary>One measure of the comparison.</summary>
/// <param name="Code">Metric code (<see cref="ComparisonMetrics"/>).</param>
/// <param name="Parameter">The measure's parameter: a kind code for <c>sites</c>, minutes for the thresholds; null otherwise.</param>
/// <param name="Unit"><c>count</c>, <c>share</c>, <c>minutes</c>, <c>hours</c>, <c>fte</c> or <c>euros</c>.</param>
/// <param name="Values">One value per column; null when it does not apply (no round defined).</param>
public sealed record ComparisonRow(string Code, string? Parameter, string Unit, IReadOnlyList<double?> Values)
{
    /// <summary>The row's label in a language (<c>compare_&lt;code&gt;</c> with <c>{parameter}</c>: minutes, or a kind's label).</summary>
    public string Label(Lang lang)
    {
        object? parameter = Parameter;
        if (Parameter is { } p && double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes))
            parameter = minutes;
        else if (AgencyKinds.TryParse(Parameter, out var kind))
            parameter = lang == Lang.En ? kind.LabelEn() : kind.Label();
        return Catalogue.Text(lang, "compare_" + Code, ("parameter", parameter));
    }
}

/// <summary>A territory a scenario changes, and what changes.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="TerritoryId">Territory id.</param>
/// <param name="TerritoryName">Territory name.</param>
/// <param name="TypeBefore">Type code in the saved state.</param>
/// <param name="TypeAfter">Type code under the scenario.</param>
/// <param name="PlanChanged">True when the presence plan's forms or statuses differ.</param>
/// <param name="MeanMinutesBefore">Mean travel time in the saved state, minutes.</param>
/// <param name="MeanMinutesAfter">Mean travel time under the scenario, minutes.</param>
public sealed record TerritoryChange(string Scenario, string TerritoryId, string TerritoryName, string TypeBefore, string TypeAfter,
    bool PlanChanged, double? MeanMinutesBefore, double? MeanMinutesAfter)
{
    public bool TypeChanged => !string.Equals(TypeBefore, TypeAfter, StringComparison.Ordinal);
}
