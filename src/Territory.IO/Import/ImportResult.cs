using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>The outcome of reading one source layer: the accepted features and the row report.</summary>
/// <remarks>Invariant: <see cref="Read"/> = <see cref="Accepted"/> + <see cref="Rejected"/>. Geometries are in <see cref="TargetCrs"/>.</remarks>
public sealed record ImportResult
{
    public required LayerKind Kind { get; init; }
    public required string SourcePath { get; init; }
    /// <summary>Source CRS as an EPSG code.</summary>
    public required int SourceCrs { get; init; }
    /// <summary>CRS of the accepted geometries (the project's working CRS).</summary>
    public required int TargetCrs { get; init; }
    public required int Read { get; init; }
    public int Accepted => Estates.Count + Agencies.Count + Communes.Count + Districts.Count + Candidates.Count;
    public int Rejected => Issues.Count(i => i.Severity == ImportIssueSeverity.Rejected);
    public int Repaired => Issues.Count(i => i.Severity == ImportIssueSeverity.Repaired);
    public IReadOnlyList<Estate> Estates { get; init; } = [];
    public IReadOnlyList<Agency> Agencies { get; init; } = [];
    public IReadOnlyList<Commune> Communes { get; init; } = [];
    public IReadOnlyList<PriorityDistrict> Districts { get; init; } = [];
    public IReadOnlyList<Candidate> Candidates { get; init; } = [];
    /// <summary>Every rejected, repaired or suspicious row.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];
    /// <summary>The field mapping used: target field → source column.</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();
}
