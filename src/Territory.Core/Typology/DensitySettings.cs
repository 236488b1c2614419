namespace Territory.Core.Typology;

/// <summary>
/// Estimate of the INSEE density level when a commune does not carry it (section <c>density</c>).
/// </summary>
/// <remarks>
/// INSEE's grille communale de densité is computed on 1 km² cells, not on the commune average, so
/// this estimate is coarse; every estimated level is flagged in the outputs.
/// </remarks>
public sealed class DensitySettings
{
    /// <summary>Ordered rules; a commune matching none gets <see cref="FallbackLevel"/>.</summary>
    public List<DensityRule> Rules { get; init; } =
    [
        new(1, 50_000, 1_000),
        new(2, 10_000, 400),
        new(3, 0, 400),
        new(4, 2_000, 100),
        new(5, 1_000, 40),
        new(6, 0, 25),
    ];

    /// <summary>Level for communes matching no rule (7, rural à habitat très dispersé).</summary>
    public int FallbackLevel { get; init; } = 7;
}
