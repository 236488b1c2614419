using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Staff;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>Everything an analysis produced, ready for the exporters and the report.</summary>
public sealed record AnalysisResult
{
    /// <summary>The input (kept for maps: estates, agencies, communes, QPV).</summary>
    public required AnalysisInput Input { get; init; }
    /// <summary>The configuration used.</summary>
    public required TypologyConfig Config { get; init; }
    /// <summary>The landlord whose plan, staff and obligations are reported (empty for an anonymous source).</summary>
    public required string OwnLandlord { get; init; }
    /// <summary>Typed territories, in id order.</summary>
    public required IReadOnlyList<TerritoryResult> Territories { get; init; }
    /// <summary>Caretaking ensembles of every landlord (every status).</summary>
    public required IReadOnlyList<CaretakingEnsemble> Ensembles { get; init; }
    /// <summary>Caretaking per landlord over the project, the organisation first: each landlord's obligation stays its own.</summary>
    public required IReadOnlyList<LandlordCaretaking> Caretaking { get; init; }
    /// <summary>Agencies with management and perimeter models, means against needs and flags.</summary>
    public required IReadOnlyList<AgencyAssessment> Agencies { get; init; }
    /// <summary>Totals per type, in the order of <see cref="TerritoryTypes.All"/>.</summary>
    public required IReadOnlyList<TypeSummary> Types { get; init; }
    /// <summary>
    /// Means against needs of the whole organisation: every estate's need, staff where it works plus the site staff its
    /// offices declare without a place of work, and every office's collaborators (the totals the types do not reconcile).
    /// </summary>
    public StaffBalance Staff { get; init; } = StaffBalance.Zero;
    /// <summary>True when any travel time is a straight-line estimate (say so in every output).</summary>
    public required bool TravelEstimated { get; init; }
    /// <summary>Notes about the whole run (estimates, unassigned estates, data missing for a rule…).</summary>
    public required IReadOnlyList<Message> Notes { get; init; }
    /// <summary>Per-estate isolation, in the order of <see cref="AnalysisInput.Estates"/> (null for a result built by hand).</summary>
    public EstateIsolation? Isolation { get; init; }
    /// <summary>Per territory id: the fingerprint of its inputs and its share of the offices' site staff, for a later edit to reuse what did not change (null for a result built by hand).</summary>
    public IReadOnlyDictionary<string, TerritoryReuse>? Reuse { get; init; }
    /// <summary>EPSG code of the geometries.</summary>
    public int WorkingCrsEpsg => Input.WorkingCrsEpsg;

    /// <summary>The organisation's caretaking over the project.</summary>
    public LandlordCaretaking OwnCaretaking => Caretaking.FirstOrDefault(c => c.Own)
        ?? new LandlordCaretaking(OwnLandlord, true, CaretakingStatus.NotApplicable, 0, 0, 0, 0, 0, 0, 0, 0);
}
