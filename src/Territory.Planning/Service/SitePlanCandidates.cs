using Territory.Core.Model;
using Territory.Planning.Candidates;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>The candidate sites of a plan from the sources the user selected.</summary>
internal static class SitePlanCandidates
{
    public static CandidateSet Gather(ProjectData data, SitePlanOptions options)
    {
        var kind = options.PlannedKind.Code();
        var extra = options.ExtraCandidates.Select(c => FromCandidate(c, kind, options.ExtraCandidatesFile)).ToList();
        // With the user's own matrix the file's sites are the sites: the matrix names them, nothing else.
        if (options.CostMatrixPath is not null && extra.Count > 0)
            return CandidateGenerator.Generate([], extra, [], [], [], new CandidateOptions { ExistingPoints = false, CommuneMainTowns = false, QpvCentres = false, DeduplicateMeters = 0 });
        var imported = options.Sources.ImportedLayer ? data.Candidates.Select(c => FromCandidate(c, kind, null)).ToList() : [];
        var generated = options.Sources.Generated && options.CostMatrixPath is null;
        return CandidateGenerator.Generate(options.Sources.Existing ? data.Agencies : [], [.. imported, .. extra], data.Communes, data.Districts, data.Estates,
            new CandidateOptions
            {
                ExistingPoints = options.Sources.Existing, CommuneMainTowns = generated, QpvCentres = generated, GeneratedKind = kind,
                DeduplicateMeters = options.CostMatrixPath is null ? 10 : 0,
            });
    }

    /// <summary>An imported site as a candidate: the kind the plan would create, its own capacity and cost.</summary>
    internal static CandidateSite FromCandidate(Candidate c, string plannedKind, string? file) => new()
    {
        Id = c.Id, Name = c.Name, Kind = plannedKind, Source = CandidateSource.Imported, SourceRef = file is null ? c.Id : file + ":" + c.Id,
        Location = c.Location, Capacity = c.Capacity, YearlyCost = c.YearlyCost,
    };
}
