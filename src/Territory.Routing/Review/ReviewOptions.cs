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

    /// <summary>Optional pre-built hierarchy of the graph (faster matrices); without it the graph's attached hierarchy is used on large graphs.</summary>
    public ContractionHierarchy? Hierarchy { get; init; }
}
