namespace Territory.Core.Analysis;

/// <summary>Where a long analysis stands: its stage and how many of the stage's items are done.</summary>
/// <param name="Stage">The stage (<see cref="TravelReview"/>, <see cref="Territories"/>, <see cref="Layers"/>).</param>
/// <param name="Done">Items done (presence points timed, territories analysed, layers written).</param>
/// <param name="Total">Items of the stage.</param>
/// <remarks>Stages come in the order of the constants; a stage reused from the project reports its total at once.</remarks>
public readonly record struct StageProgress(string Stage, int Done, int Total)
{
    /// <summary>Travel times from each presence point to every estate (items: presence points).</summary>
    public const string TravelReview = "travel_review";

    /// <summary>Indicators, type and plan of each territory (items: territories).</summary>
    public const string Territories = "territories";

    /// <summary>Result layers written into the project (items: layers).</summary>
    public const string Layers = "layers";

    /// <summary>Share of the stage done, in [0, 1].</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Done / Total, 0, 1);
}
