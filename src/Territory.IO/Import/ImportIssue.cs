using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>One line of an import report: a rejected row, a repair or a warning.</summary>
/// <param name="File">Source file name (as given by the user).</param>
/// <param name="Row">1-based row (CSV data row, feature index); 0 for a file-level message.</param>
/// <param name="Field">Target field concerned (<see cref="TargetFields"/>: dwellings, geometry…), or null.</param>
/// <param name="Message">The reason as a catalogue message (stable code + the offending values), rendered at the edge.</param>
/// <param name="Severity">Rejected, repaired or warning.</param>
public sealed record ImportIssue(string File, long Row, string? Field, Message Message, ImportIssueSeverity Severity)
{
    /// <summary>Stable code of the reason (<c>dwellings_not_positive</c>).</summary>
    public string Code => Message.Code;

    /// <summary>The reason in French, the product's language.</summary>
    public string Reason => Message.Render(Lang.Fr);

    /// <summary>The reason in <paramref name="lang"/>.</summary>
    public string Render(Lang lang) => Message.Render(lang);
}

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
