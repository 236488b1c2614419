using Territory.Core.Model;

namespace Territory.IO.Reference;

/// <summary>What <see cref="CommuneReferenceMerger"/> did to the project's communes.</summary>
/// <remarks>
/// "Kept" counts a project value that differs from the reference and stays because overwriting
/// was not asked; "overwritten" one that was replaced; equal values count in neither.
/// </remarks>
public sealed record CommuneMergeResult
{
    /// <summary>How many unmatched or unknown codes the result lists.</summary>
    public const int CodesListed = 20;

    /// <summary>Every project commune, in the input order, with its new values.</summary>
    public required IReadOnlyList<Commune> Communes { get; init; }
    /// <summary>Project communes found in a reference (directly or, for a municipal arrondissement, through its commune).</summary>
    public int Matched { get; init; }
    /// <summary>Municipal arrondissements matched only through their commune (density level inherited, population left as is).</summary>
    public int MatchedViaParent { get; init; }
    public int Unmatched { get; init; }
    /// <summary>The first <see cref="CodesListed"/> unmatched codes, sorted.</summary>
    public IReadOnlyList<string> UnmatchedCodes { get; init; } = [];
    public int PopulationsFilled { get; init; }
    public int PopulationsOverwritten { get; init; }
    public int PopulationsKept { get; init; }
    public int DensityLevelsFilled { get; init; }
    public int DensityLevelsOverwritten { get; init; }
    public int DensityLevelsKept { get; init; }
    /// <summary>Communes whose urban area (code, population) was filled or replaced.</summary>
    public int UrbanAreasFilled { get; init; }
    /// <summary>Distinct reference codes that no project commune uses (nor inherits from).</summary>
    public int SourceCodesUnknown { get; init; }
    /// <summary>The first <see cref="CodesListed"/> unknown reference codes, sorted.</summary>
    public IReadOnlyList<string> UnknownCodes { get; init; } = [];
    /// <summary>Reference rows whose code already appeared earlier in the same file (the first wins).</summary>
    public int DuplicateSourceRows { get; init; }
    /// <summary>Project communes whose population or density level changed.</summary>
    public int Changed { get; init; }
}
