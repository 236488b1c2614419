using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Routing.Review;

namespace Territory.Planning.Service;

/// <summary>A presence network evaluated over the project: travel review, analysis (types, plans, caretaking) and its mobile round.</summary>
/// <param name="Agencies">The network's presence points.</param>
/// <param name="Review">Travel times from the points to the estates (nearest and managing agency).</param>
/// <param name="Analysis">The analysis run on that network.</param>
/// <param name="Round">The mobile agency's week when the network has mobile stops; null otherwise.</param>
public sealed record NetworkEvaluation(IReadOnlyList<Agency> Agencies, AgencyTravelReviewResult Review, AnalysisResult Analysis, RoundResult? Round);
