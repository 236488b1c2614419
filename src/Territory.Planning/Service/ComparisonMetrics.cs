namespace Territory.Planning.Service;

/// <summary>Codes of the rows of a scenario comparison (<see cref="ComparisonRow.Code"/>; catalogue key <c>compare_&lt;code&gt;</c>).</summary>
public static class ComparisonMetrics
{
    /// <summary>Presence points of a kind (parameter: the kind code).</summary>
    public const string Sites = "sites";

    /// <summary>Share of dwellings within the parameter's minutes of the nearest presence point, in [0, 1].</summary>
    public const string WithinNearest = "within_nearest";

    /// <summary>Share of dwellings within the parameter's minutes of their managing agency (the nearest point when it has none left), in [0, 1].</summary>
    public const string WithinManaging = "within_managing";

    /// <summary>Dwelling-weighted mean time to the nearest presence point, minutes (reached estates).</summary>
    public const string MeanMinutes = "mean_minutes";

    /// <summary>Dwelling-weighted 90th percentile of the time to the nearest presence point, minutes (reached estates).</summary>
    public const string P90Minutes = "p90_minutes";

    /// <summary>Estates farther than the parameter's minutes from every presence point (or reached by none).</summary>
    public const string EstatesBeyond = "estates_beyond";

    /// <summary>Dwellings of those estates.</summary>
    public const string DwellingsBeyond = "dwellings_beyond";

    /// <summary>The organisation's caretaking ensembles in deficit under the law.</summary>
    public const string CaretakingEnsemblesInDeficit = "caretaking_ensembles_in_deficit";

    /// <summary>The organisation's caretaking deficit, full-time equivalents.</summary>
    public const string CaretakingDeficitFte = "caretaking_deficit_fte";

    /// <summary>Weekly driving of the mobile agency's round, hours (null when the network has no round).</summary>
    public const string RoundsDriveHours = "rounds_drive_hours";

    /// <summary>Mobile-agency stops the round could not fit (null when the network has no round).</summary>
    public const string RoundsUnplanned = "rounds_unplanned";

    /// <summary>
    /// Yearly cost of the points a network adds to the saved state, euros: the declared cost of the imported candidates they come from
    /// (points without one count 0; the saved state 0).
    /// </summary>
    public const string YearlyCost = "yearly_cost";

    /// <summary>Territories whose type, presence plan or travel times differ from the saved state.</summary>
    public const string TerritoriesChanged = "territories_changed";
}
