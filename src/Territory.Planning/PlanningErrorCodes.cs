namespace Territory.Planning;

/// <summary>Every code a <see cref="PlanningException"/> can carry, with the names of its values.</summary>
/// <remarks>Front ends keep one French and one English sentence per code; tests walk <see cref="All"/>.</remarks>
public static class PlanningErrorCodes
{
    /// <summary>The number of sites p is below 1. Values: <c>count</c>.</summary>
    public const string CountInvalid = "planning_count_invalid";

    /// <summary>p is larger than the number of candidates. Values: <c>count</c>, <c>candidates</c>.</summary>
    public const string CountExceedsCandidates = "planning_count_exceeds_candidates";

    /// <summary>More fixed (kept) sites than p. Values: <c>fixed</c>, <c>count</c>.</summary>
    public const string FixedExceedCount = "planning_fixed_exceed_count";

    /// <summary>The travel-time limit T is not positive. Values: <c>minutes</c>.</summary>
    public const string MinutesInvalid = "planning_minutes_invalid";

    /// <summary>T is longer than the cut-off the matrix was built with. Values: <c>minutes</c>, <c>matrix_minutes</c>.</summary>
    public const string MinutesBeyondMatrix = "planning_minutes_beyond_matrix";

    /// <summary>No candidate site at all.</summary>
    public const string NoCandidates = "planning_no_candidates";

    /// <summary>A capacity is not positive. Values: <c>site</c>, <c>capacity</c>.</summary>
    public const string CapacityInvalid = "planning_capacity_invalid";

    /// <summary>The time limit is not positive. Values: <c>seconds</c>.</summary>
    public const string TimeLimitInvalid = "planning_time_limit_invalid";

    /// <summary>A demand weight or dwelling count is negative or not finite. Values: <c>estate</c>, <c>value</c>.</summary>
    public const string DemandInvalid = "planning_demand_invalid";

    /// <summary>Matrix and request disagree (site or estate lists). Values: <c>what</c>, <c>expected</c>, <c>actual</c>.</summary>
    public const string MatrixMismatch = "planning_matrix_mismatch";

    /// <summary>Two candidates or two estates share an id. Values: <c>what</c>, <c>id</c>.</summary>
    public const string DuplicateId = "planning_duplicate_id";

    /// <summary>The cost-matrix CSV has no header line. Values: <c>file</c>.</summary>
    public const string MatrixCsvEmpty = "matrix_csv_empty";

    /// <summary>A required column is missing from the header. Values: <c>file</c>, <c>column</c>.</summary>
    public const string MatrixCsvColumnMissing = "matrix_csv_column_missing";

    /// <summary>A row names an estate the project does not have. Values: <c>file</c>, <c>row</c>, <c>id</c>.</summary>
    public const string MatrixCsvUnknownEstate = "matrix_csv_unknown_estate";

    /// <summary>A row names a site that is not a candidate. Values: <c>file</c>, <c>row</c>, <c>id</c>.</summary>
    public const string MatrixCsvUnknownSite = "matrix_csv_unknown_site";

    /// <summary>An (estate, site) pair appears twice. Values: <c>file</c>, <c>row</c>, <c>estate</c>, <c>site</c>, <c>first_row</c>.</summary>
    public const string MatrixCsvDuplicatePair = "matrix_csv_duplicate_pair";

    /// <summary>The seconds field is not a non-negative number. Values: <c>file</c>, <c>row</c>, <c>value</c>.</summary>
    public const string MatrixCsvSecondsInvalid = "matrix_csv_seconds_invalid";

    /// <summary>The file is not well-formed CSV. Values: <c>file</c>, <c>row</c>.</summary>
    public const string MatrixCsvMalformed = "matrix_csv_malformed";

    /// <summary>The number of days of a round is below 1. Values: <c>days</c>.</summary>
    public const string RoundsDaysInvalid = "rounds_days_invalid";

    /// <summary>The working day is not positive. Values: <c>hours</c>.</summary>
    public const string RoundsDayHoursInvalid = "rounds_day_hours_invalid";

    /// <summary>A stop time is negative. Values: <c>stop</c>, <c>minutes</c>.</summary>
    public const string RoundsStopMinutesInvalid = "rounds_stop_minutes_invalid";

    /// <summary>Two stops share an id. Values: <c>id</c>.</summary>
    public const string RoundsDuplicateStop = "rounds_duplicate_stop";

    /// <summary>A given travel matrix does not match base + stops. Values: <c>expected</c>, <c>actual</c>.</summary>
    public const string RoundsMatrixMismatch = "rounds_matrix_mismatch";

    /// <summary>The balance weight of a round is negative or not a number. Values: <c>weight</c>.</summary>
    public const string RoundsBalanceInvalid = "rounds_balance_invalid";

    /// <summary>The budget is negative or not a number. Values: <c>budget</c>.</summary>
    public const string BudgetInvalid = "planning_budget_invalid";

    /// <summary>A budget was given to a problem other than MCLP and LSCP. Values: <c>problem</c>.</summary>
    public const string BudgetProblem = "planning_budget_problem";

    /// <summary>All codes, for catalogue checks.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CountInvalid, CountExceedsCandidates, FixedExceedCount, MinutesInvalid, MinutesBeyondMatrix, NoCandidates,
        CapacityInvalid, TimeLimitInvalid, DemandInvalid, MatrixMismatch, DuplicateId,
        MatrixCsvEmpty, MatrixCsvColumnMissing, MatrixCsvUnknownEstate, MatrixCsvUnknownSite, MatrixCsvDuplicatePair,
        MatrixCsvSecondsInvalid, MatrixCsvMalformed,
        RoundsDaysInvalid, RoundsDayHoursInvalid, RoundsStopMinutesInvalid, RoundsDuplicateStop, RoundsMatrixMismatch,
        RoundsBalanceInvalid, BudgetInvalid, BudgetProblem,
    ];
}
