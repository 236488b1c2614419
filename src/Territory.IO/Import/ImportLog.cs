using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>Collects the issues of one file.</summary>
internal sealed class ImportLog(string fileName)
{
    private readonly List<ImportIssue> _issues = [];

    public string FileName { get; } = fileName;
    public IReadOnlyList<ImportIssue> Issues => _issues;

    public void Reject(long row, string? field, Message reason) => _issues.Add(new(FileName, row, field, reason, ImportIssueSeverity.Rejected));
    public void Repaired(long row, string? field, Message reason) => _issues.Add(new(FileName, row, field, reason, ImportIssueSeverity.Repaired));
    public void Warn(long row, string? field, Message reason) => _issues.Add(new(FileName, row, field, reason, ImportIssueSeverity.Warning));

    public void Reject(long row, string? field, string code, params (string Name, object? Value)[] values) => Reject(row, field, Message.Of(code, values));
    public void Repaired(long row, string? field, string code, params (string Name, object? Value)[] values) => Repaired(row, field, Message.Of(code, values));
    public void Warn(long row, string? field, string code, params (string Name, object? Value)[] values) => Warn(row, field, Message.Of(code, values));

    /// <summary>Issues by row (file-level ones first), keeping the order within a row.</summary>
    public IReadOnlyList<ImportIssue> Sorted() => [.. _issues.OrderBy(i => i.Row)];
}
