namespace Territory.Planning.Matrix;

/// <summary>A user cost-matrix CSV that cannot be used: the code names the problem, <see cref="File"/> and <see cref="Row"/> say where.</summary>
/// <remarks>Rows are data rows (the header is row 0), as in the import reports.</remarks>
public sealed class CostMatrixCsvException : PlanningException
{
    public CostMatrixCsvException(string code, string file, long? row, params (string Name, object? Value)[] values)
        : base(code, [("file", file), .. row is null ? Array.Empty<(string, object?)>() : [("row", row)], .. values])
    {
        File = file;
        Row = row;
    }

    /// <summary>File name (without its folder).</summary>
    public string File { get; }

    /// <summary>Data row of the problem; null for a file-level problem (no header…).</summary>
    public long? Row { get; }
}
