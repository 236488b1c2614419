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
    private ProjectSnapshot AnalyseSaved(ProjectData data, IProgress<double>? reporter, CancellationToken ct)
    {
        var keys = AnalysisInputKeys.Of(data, _graphKey, Config);
        ProjectAnalysisOutcome outcome;
        using (var store = OpenExisting())
            outcome = ProjectAnalysis.Run(store, data, Graph, keys, Config,
                reporter is null ? null : new ScaledProgress(reporter, 0.6, 0.4), ct);
        LastLoad = outcome;
        reporter?.Report(1);
        return new ProjectSnapshot(Interlocked.Increment(ref _version), data, outcome.Review, outcome.Analysis, EmptyStatus) { Keys = keys };
    }

    /// <summary>
    /// The scenario's state over the saved one: only the travel-matrix rows of added or moved presence points are
    /// searched, and what depends on the estates alone (isolation) is reused; equal to a full computation.
    /// </summary>
    private ProjectSnapshot AnalyseScenario(ProjectSnapshot saved, ProjectData data, IReadOnlyDictionary<string, string> status, CancellationToken ct)
    {
        // The last state computed over these estates carries the rows and the isolation to reuse.
        var previous = _state is { } state && ReferenceEquals(state.Current.Data.Estates, data.Estates) ? state.Current : saved;
        AgencyTravelReviewResult? review = null;
        if (data.Estates.Count > 0 && data.Agencies.Count > 0)
            review = previous.Review is { } earlier && ReferenceEquals(previous.Data.Estates, data.Estates)
                ? AgencyTravelReview.Update(earlier, previous.Data.Agencies, data.Estates, data.Agencies, data.WorkingCrs, Graph, null, ct)
                : AgencyTravelReview.Compute(data.Estates, data.Agencies, data.WorkingCrs, Graph, null, null, ct);
        var analysis = TerritoryAnalysis.Update(previous.Analysis, ProjectAnalysis.Input(data, review), Config, ct);
        return new ProjectSnapshot(Interlocked.Increment(ref _version), data, review, analysis, new Dictionary<string, string>(status, StringComparer.Ordinal));
    }
}
