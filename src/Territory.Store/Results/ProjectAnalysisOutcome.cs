using Territory.Core.Analysis;
using Territory.Routing.Review;

namespace Territory.Store.Results;

/// <summary>A project's travel review and analysis, and whether each was read from the store or computed.</summary>
/// <param name="Review">The agency travel review (null without estates or presence points).</param>
/// <param name="Analysis">The analysis.</param>
/// <param name="ReviewReused">True when the review was the stored one (its inputs unchanged).</param>
/// <param name="AnalysisReused">True when the analysis was the stored one.</param>
/// <param name="Changed">The inputs that changed since the stored analysis (<c>estates</c>, <c>config</c>…); empty when reused or when none was stored.</param>
public sealed record ProjectAnalysisOutcome(
    AgencyTravelReviewResult? Review,
    AnalysisResult Analysis,
    bool ReviewReused,
    bool AnalysisReused,
    IReadOnlyList<string> Changed);
