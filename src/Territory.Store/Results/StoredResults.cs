using Territory.Routing.Review;

namespace Territory.Store.Results;

/// <summary>
/// The stored travel review and analysis, read and decoded before the layers they are keyed on (the map server's
/// start reads both at once); <see cref="ProjectAnalysis.Run"/> uses them only when their keys match the layers read.
/// </summary>
/// <remarks>A result that cannot be read or decoded is absent here, as it would be for <see cref="ProjectAnalysis.Run"/> itself.</remarks>
public sealed class StoredResults
{
    private StoredResults(StoredResult? review, AgencyTravelReviewResult? reviewValue, StoredResult? analysis, AnalysisPayload? analysisValue)
    {
        Review = review;
        ReviewValue = reviewValue;
        Analysis = analysis;
        AnalysisValue = analysisValue;
    }

    internal StoredResult? Review { get; }
    internal AgencyTravelReviewResult? ReviewValue { get; }
    internal StoredResult? Analysis { get; }
    internal AnalysisPayload? AnalysisValue { get; }

    /// <summary>Reads both stored results of <paramref name="store"/> and decodes them, the two decodings at once.</summary>
    public static StoredResults Read(IProjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var review = ProjectAnalysis.TryRead(store, ProjectAnalysis.ReviewResult);
        var analysis = ProjectAnalysis.TryRead(store, ProjectAnalysis.AnalysisResultName);
        var analysisValue = analysis is null ? null
            : Task.Run(() => ProjectAnalysis.TryPayload(analysis.Payload, PayloadJson.Read<AnalysisPayload>));
        var reviewValue = review is null ? null : ProjectAnalysis.TryPayload(review.Payload, ReviewPayload.Read);
        return new StoredResults(review, reviewValue, analysis, analysisValue?.GetAwaiter().GetResult());
    }
}
