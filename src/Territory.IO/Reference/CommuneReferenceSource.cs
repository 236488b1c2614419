namespace Territory.IO.Reference;

/// <summary>A reference file read in full: its usable rows and the rows it could not use.</summary>
public sealed record CommuneReferenceSource
{
    /// <summary>Full path of the file.</summary>
    public required string Path { get; init; }
    public required CommuneReferenceFormat Format { get; init; }
    /// <summary>Usable rows, in file order (a code may repeat; the merger keeps the first).</summary>
    public required IReadOnlyList<CommuneReferenceRow> Rows { get; init; }
    /// <summary>Rows left aside on purpose (Etalab delegated or associated communes).</summary>
    public int SkippedRows { get; init; }
    /// <summary>Rows with a problem, reported rather than thrown.</summary>
    public IReadOnlyList<CommuneReferenceIssue> Issues { get; init; } = [];
    /// <summary>True when the file has a population field.</summary>
    public bool ProvidesPopulation { get; init; }
    /// <summary>True when the file has the INSEE density grid.</summary>
    public bool ProvidesDensityLevel { get; init; }
    /// <summary>True when the file gives the urban area of its communes (caretaking rule).</summary>
    public bool ProvidesUrbanArea { get; init; }
}
