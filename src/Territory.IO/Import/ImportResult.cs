using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>The outcome of reading one source layer: the accepted features and the row report.</summary>
/// <remarks>
/// Invariant: <see cref="Read"/> = <see cref="Accepted"/> + <see cref="Rejected"/>. Geometries are in <see cref="TargetCrs"/>.
/// A streamed import (<see cref="ImportStream"/>) holds no features: its rows went to the project as they
/// were read; its counts are given, <see cref="Issues"/> holds the file-level issues and the first row issues,
/// and <see cref="Spill"/> every row issue (the CSV report writes them all).
/// </remarks>
public sealed record ImportResult
{
    private readonly int? _accepted;
    private readonly int? _rejected;
    private readonly int? _repaired;
    private readonly int? _warnings;
    private readonly int? _issueCount;

    public required LayerKind Kind { get; init; }
    public required string SourcePath { get; init; }
    /// <summary>Source CRS as an EPSG code.</summary>
    public required int SourceCrs { get; init; }
    /// <summary>CRS of the accepted geometries (the project's working CRS).</summary>
    public required int TargetCrs { get; init; }
    public required int Read { get; init; }
    public int Accepted
    {
        get => _accepted ?? Estates.Count + Agencies.Count + Communes.Count + Districts.Count + Candidates.Count;
        init => _accepted = value;
    }
    public int Rejected { get => _rejected ?? Issues.Count(i => i.Severity == ImportIssueSeverity.Rejected); init => _rejected = value; }
    public int Repaired { get => _repaired ?? Issues.Count(i => i.Severity == ImportIssueSeverity.Repaired); init => _repaired = value; }
    public int Warnings { get => _warnings ?? Issues.Count(i => i.Severity == ImportIssueSeverity.Warning); init => _warnings = value; }
    /// <summary>Every issue of the import (more than <see cref="Issues"/> holds for a streamed one).</summary>
    public int IssueCount { get => _issueCount ?? Issues.Count; init => _issueCount = value; }
    public IReadOnlyList<Estate> Estates { get; init; } = [];
    public IReadOnlyList<Agency> Agencies { get; init; } = [];
    public IReadOnlyList<Commune> Communes { get; init; } = [];
    public IReadOnlyList<PriorityDistrict> Districts { get; init; } = [];
    public IReadOnlyList<Candidate> Candidates { get; init; } = [];
    /// <summary>Every rejected, repaired or suspicious row (a streamed import: the file-level ones and the first row ones).</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];
    /// <summary>The field mapping used: target field → source column.</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();
    /// <summary>Every row issue of a streamed import, in row order; null when <see cref="Issues"/> holds them all.</summary>
    public IssueSpill? Spill { get; init; }
}
