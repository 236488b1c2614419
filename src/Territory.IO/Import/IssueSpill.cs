using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>
/// The row issues of a streamed import, written to a temporary file in row order as they come (with their
/// text in both languages), so that a file with a million rejected rows costs disk, not memory.
/// </summary>
/// <remarks>Counts every issue by severity; the first <see cref="PreviewLimit"/> stay in memory for the summary.</remarks>
public sealed class IssueSpill : IDisposable
{
    /// <summary>Row issues kept in memory beside the file (what a summary shows).</summary>
    public const int PreviewLimit = 200;

    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private bool _reading;

    internal IssueSpill(string fileName)
    {
        FileName = fileName;
        var path = Path.Combine(Path.GetTempPath(), "territory-import-" + Guid.NewGuid().ToString("N") + ".issues");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The source file the issues are about.</summary>
    public string FileName { get; }

    /// <summary>Row issues written.</summary>
    public long Count { get; private set; }
    public long Rejected { get; private set; }
    public long Repaired { get; private set; }
    public long Warnings { get; private set; }

    /// <summary>Writes one issue; true when it is among the first <see cref="PreviewLimit"/>.</summary>
    internal bool Add(ImportIssue issue)
    {
        ObjectDisposedException.ThrowIf(_reading, this);
        _writer.Write(issue.Row);
        _writer.Write(issue.Field ?? "");
        _writer.Write((byte)issue.Severity);
        _writer.Write(issue.Code);
        _writer.Write(issue.Render(Lang.Fr));
        _writer.Write(issue.Render(Lang.En));
        Count++;
        switch (issue.Severity)
        {
            case ImportIssueSeverity.Rejected: Rejected++; break;
            case ImportIssueSeverity.Repaired: Repaired++; break;
            default: Warnings++; break;
        }
        return Count <= PreviewLimit;
    }

    /// <summary>The issues written, in order: row, field (null when none), severity, code and text in <paramref name="lang"/>.</summary>
    internal IEnumerable<(long Row, string? Field, ImportIssueSeverity Severity, string Code, string Text)> Read(Lang lang)
    {
        _writer.Flush();
        _reading = true;
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        for (long i = 0; i < Count; i++)
        {
            var row = reader.ReadInt64();
            var field = reader.ReadString();
            var severity = (ImportIssueSeverity)reader.ReadByte();
            var code = reader.ReadString();
            var fr = reader.ReadString();
            var en = reader.ReadString();
            yield return (row, field.Length == 0 ? null : field, severity, code, lang == Lang.En ? en : fr);
        }
        _file.Position = _file.Length;
        _reading = false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
