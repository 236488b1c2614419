namespace Territory.IO.Import;

/// <summary>One line of an import report: a rejected row, a repair or a warning.</summary>
/// <param name="File">Source file name (as given by the user).</param>
/// <param name="Row">1-based row (CSV data row, feature index); 0 for a file-level message.</param>
/// <param name="Field">Target field concerned (dwellings, geometry…), or null.</param>
/// <param name="Reason">Plain-language reason, French or English, with the offending value.</param>
/// <param name="Severity">Rejected, repaired or warning.</param>
public sealed record ImportIssue(string File, long Row, string? Field, string Reason, ImportIssueSeverity Severity);

/// <summary>What happened to a row.</summary>
public enum ImportIssueSeverity
{
    /// <summary>The row was not imported.</summary>
    Rejected,
    /// <summary>The row was imported after a repair (invalid polygon made valid…).</summary>
    Repaired,
    /// <summary>The row was imported; something deserves a look (duplicate id kept, far point…).</summary>
    Warning,
}
