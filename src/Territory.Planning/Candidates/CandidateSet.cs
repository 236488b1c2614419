namespace Territory.Planning.Candidates;

/// <summary>Candidate sites after merging near-duplicates, and what was merged.</summary>
/// <param name="Sites">Candidates, existing points first, then imported, commune main towns, QPV centres.</param>
/// <param name="Merged">Candidates dropped because an earlier one stands within the tolerance.</param>
public sealed record CandidateSet(IReadOnlyList<CandidateSite> Sites, IReadOnlyList<MergedCandidate> Merged);
