using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>Collects the issues of one file.</summary>
/// <remarks>
/// Three modes: holding every issue (a file read whole), streaming (row issues arrive in row order and
/// go to an <see cref="IssueSpill"/>; file-level issues and the first <see cref="IssueSpill.PreviewLimit"/>
/// row issues stay in memory for the summary) and discarding (a first pass that only measures the file).
/// </remarks>
internal sealed class ImportLog
{
    private readonly List<ImportIssue> _issues = [];
    private readonly IssueSpill? _spill;
    private readonly bool _discard;

    public ImportLog(string fileName) => FileName = fileName;

    private ImportLog(string fileName, IssueSpill? spill, bool discard)
    {
        FileName = fileName;
        _spill = spill;
        _discard = discard;
    }

    /// <summary>A log whose row issues go to <paramref name="spill"/> as they come.</summary>
    public static ImportLog Streaming(string fileName, IssueSpill spill) => new(fileName, spill, discard: false);

    /// <summary>A log that keeps nothing.</summary>
    public static ImportLog Discarding(string fileName) => new(fileName, null, discard: true);

    public string FileName { get; }
    public IReadOnlyList<ImportIssue> Issues => _issues;

    public void Reject(long row, string? field, Message reason) => Add(new(FileName, row, field, reason, ImportIssueSeverity.Rejected));
    public void Repaired(long row, string? field, Message reason) => Add(new(FileName, row, field, reason, ImportIssueSeverity.Repaired));
    public void Warn(long row, string? field, Message reason) => Add(new(FileName, row, field, reason, ImportIssueSeverity.Warning));

    public void Reject(long row, string? field, string code, params (string Name, object? Value)[] values) => Reject(row, field, Message.Of(code, values));
    public void Repaired(long row, string? field, string code, params (string Name, object? Value)[] values) => Repaired(row, field, Message.Of(code, values));
    public void Warn(long row, string? field, string code, params (string Name, object? Value)[] values) => Warn(row, field, Message.Of(code, values));

    /// <summary>Issues by row (file-level ones first), keeping the order within a row.</summary>
    public IReadOnlyList<ImportIssue> Sorted() => [.. _issues.OrderBy(i => i.Row)];

    private void Add(ImportIssue issue)
    {
        if (_discard)
            return;
        if (_spill is null || issue.Row == 0)
        {
            _issues.Add(issue);
            return;
        }
        if (_spill.Add(issue))
            _issues.Add(issue);
    }
}
