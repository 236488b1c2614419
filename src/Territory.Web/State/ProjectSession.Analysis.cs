using Territory.Core.Analysis;
using Territory.Routing.Review;
using Territory.Store;
using Territory.Store.Results;

namespace Territory.Web.State;

public sealed partial class ProjectSession
{
    private string _graphKey = "none";

    /// <summary>How the saved state's review and analysis were obtained at the last load or reload.</summary>
    public ProjectAnalysisOutcome? LastLoad { get; private set; }

    /// <summary>
    /// The saved state: the review and analysis stored in the project when their inputs (each layer's content, the
    /// road graph, the configuration) are those just read, computed and stored otherwise.
    /// </summary>
    /// <param name="prefetched">The stored results read at the start, else they are read now.</param>
    private ProjectSnapshot AnalyseSaved(ProjectData data, IProgress<double>? reporter, CancellationToken ct, StoredResults? prefetched = null)
    {
        // The site plan's located sites (read with the data) are part of the key: a plan stored since changes the presence plans.
        var sites = _sites;
        var keys = AnalysisInputKeys.Of(data, _graphKey, Config, sites: sites);
        ProjectAnalysisOutcome outcome;
        using (var store = OpenExisting())
            outcome = ProjectAnalysis.Run(store, data, Graph, keys, Config,
                reporter is null ? null : new ScaledProgress(reporter, 0.6, 0.4), ct, input => input with { Sites = sites }, prefetched: prefetched);
        LastLoad = outcome;
        reporter?.Report(1);
        return new ProjectSnapshot(Interlocked.Increment(ref _version), data, outcome.Review, outcome.Analysis, EmptyStatus) { Keys = keys };
    }

    /// <summary>
    /// A user's scenario state over the saved one: only the travel-matrix rows of added or moved presence points are
    /// searched, and what depends on the estates alone (isolation) is reused; equal to a full computation.
    /// </summary>
    /// <param name="saved">The saved state the scenario is over.</param>
    /// <param name="mine">The user's own last state (their workspace), or null: the rows and isolation are then taken from <paramref name="saved"/>.</param>
    private ProjectSnapshot AnalyseScenario(ProjectSnapshot saved, ProjectSnapshot? mine, ProjectData data, IReadOnlyDictionary<string, string> status, CancellationToken ct)
    {
        // The user's last state computed over these estates carries the rows and the isolation to reuse.
        var previous = mine is not null && ReferenceEquals(mine.Data.Estates, data.Estates) ? mine : saved;
        AgencyTravelReviewResult? review = null;
        if (data.Estates.Count > 0 && data.Agencies.Count > 0)
            review = previous.Review is { } earlier && ReferenceEquals(previous.Data.Estates, data.Estates)
                ? AgencyTravelReview.Update(earlier, previous.Data.Agencies, data.Estates, data.Agencies, data.WorkingCrs, Graph, null, ct)
                : AgencyTravelReview.Compute(data.Estates, data.Agencies, data.WorkingCrs, Graph, null, null, ct);
        // The saved state's very list of sites, so that territories untouched by the edit are reused.
        var analysis = TerritoryAnalysis.Update(previous.Analysis, ProjectAnalysis.Input(data, review) with { Sites = saved.Analysis.Input.Sites }, Config, ct);
        return new ProjectSnapshot(Interlocked.Increment(ref _version), data, review, analysis, new Dictionary<string, string>(status, StringComparer.Ordinal));
    }
}
