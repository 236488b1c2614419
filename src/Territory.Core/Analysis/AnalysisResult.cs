using Territory.Core.Caretaking;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>Everything an analysis produced, ready for the exporters and the report.</summary>
public sealed record AnalysisResult
{
    /// <summary>The input (kept for maps: estates, agencies, communes, QPV).</summary>
    public required AnalysisInput Input { get; init; }
    /// <summary>The configuration used.</summary>
    public required TypologyConfig Config { get; init; }
    /// <summary>Typed territories, in id order.</summary>
    public required IReadOnlyList<TerritoryResult> Territories { get; init; }
    /// <summary>Caretaking ensembles (applicable or not).</summary>
    public required IReadOnlyList<CaretakingEnsemble> Ensembles { get; init; }
    /// <summary>Agencies with management and perimeter models.</summary>
    public required IReadOnlyList<AgencyAssessment> Agencies { get; init; }
    /// <summary>Totals per type, in the order of <see cref="TerritoryTypes.All"/>.</summary>
    public required IReadOnlyList<TypeSummary> Types { get; init; }
    /// <summary>True when any travel time is a straight-line estimate (say so in every output).</summary>
    public required bool TravelEstimated { get; init; }
    /// <summary>French notes about the whole run (estimates, unassigned estates…).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>EPSG code of the geometries.</summary>
    public int WorkingCrsEpsg => Input.WorkingCrsEpsg;
}
