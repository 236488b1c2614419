using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Staff;

namespace Territory.Store.Results;

/// <summary>What an analysis stores: its result without the input and configuration, which the reader has (their hashes are the key).</summary>
internal sealed record AnalysisPayload(
    string OwnLandlord,
    IReadOnlyList<TerritoryResult> Territories,
    IReadOnlyList<CaretakingEnsemble> Ensembles,
    IReadOnlyList<LandlordCaretaking> Caretaking,
    IReadOnlyList<AgencyAssessment> Agencies,
    IReadOnlyList<TypeSummary> Types,
    StaffBalance Staff,
    bool TravelEstimated,
    IReadOnlyList<Message> Notes,
    EstateIsolation? Isolation,
    IReadOnlyDictionary<string, TerritoryReuse>? Reuse)
{
    public static AnalysisPayload Of(AnalysisResult r) =>
        new(r.OwnLandlord, r.Territories, r.Ensembles, r.Caretaking, r.Agencies, r.Types, r.Staff, r.TravelEstimated, r.Notes, r.Isolation, r.Reuse);

    public AnalysisResult ToResult(AnalysisInput input, Core.Typology.TypologyConfig config) => new()
    {
        Input = input,
        Config = config,
        OwnLandlord = OwnLandlord,
        Territories = Territories,
        Ensembles = Ensembles,
        Caretaking = Caretaking,
        Agencies = Agencies,
        Types = Types,
        Staff = Staff,
        TravelEstimated = TravelEstimated,
        Notes = Notes,
        Isolation = Isolation,
        Reuse = Reuse,
    };
}
