using Territory.Routing.Algorithms;

namespace Territory.Routing.Review;

/// <summary>Settings of an <see cref="AgencyTravelReview"/>.</summary>
public sealed record ReviewOptions
{
    /// <summary>Estates and agencies farther than this from a routable road are unreachable, metres.</summary>
    public double MaxSnapDistanceMeters { get; init; } = Snapping.RoadSnapper.DefaultMaxSnapDistanceMeters;

    /// <summary>Used for every pair when no road graph is given.</summary>
    public StraightLineEstimator Fallback { get; init; } = new();

    /// <summary>Travel-time thresholds (minutes) for the "dwellings beyond" counts.</summary>
    public IReadOnlyList<int> ThresholdsMinutes { get; init; } = [20, 30, 45];

    /// <summary>
    /// Without a road graph, the matrix keeps the straight-line cells up to this time, minutes; farther cells are
    /// « beyond », except those every output reads at any distance (each estate's nearest point, its nearest point of
    /// each kind serving it, its managing agency), which are always kept.
    /// </summary>
    /// <remarks>
    /// Above every time an indicator or a rule compares with: the review's <see cref="ThresholdsMinutes"/> (20, 30,
    /// 45), the presence plan's reaches (10–30, <c>PresenceSettings</c>), the map's coverage (20, 30, 45). The review
    /// never keeps less than its largest threshold (<see cref="EffectiveEstimateLimitMinutes"/>).
    /// </remarks>
    public double EstimateLimitMinutes { get; init; } = DefaultEstimateLimitMinutes;

    /// <summary>Default of <see cref="EstimateLimitMinutes"/>: one hour.</summary>
    public const double DefaultEstimateLimitMinutes = 60;

    /// <summary>The limit applied: <see cref="EstimateLimitMinutes"/>, or the largest threshold when that is larger.</summary>
    public double EffectiveEstimateLimitMinutes => Math.Max(EstimateLimitMinutes, ThresholdsMinutes.Count == 0 ? 0 : ThresholdsMinutes.Max());

    /// <summary>Every straight-line cell kept (the review before it was bounded): the reference of the tests and benchmarks.</summary>
    internal bool DenseEstimates { get; init; }

    /// <summary>Optional pre-built hierarchy of the graph (faster matrices); without it the graph's attached hierarchy is used on large graphs.</summary>
    public ContractionHierarchy? Hierarchy { get; init; }
}
