using Territory.Core.Messages;

namespace Territory.Core.Indicators;

/// <summary>INSEE density level of a commune, given or estimated.</summary>
/// <param name="Level">1 (grands centres urbains) to 7 (rural à habitat très dispersé), null when unknown.</param>
/// <param name="Estimated">True when computed from population and area, not read from the commune.</param>
public sealed record CommuneDensity(int? Level, bool Estimated)
{
    /// <summary>The name of an INSEE level as a catalogue message (<c>density_level_N</c>, <c>density_level_unknown</c>), rendered at the edge.</summary>
    public static Message LabelOf(int? level) => Message.Of(level is >= 1 and <= 7 ? $"density_level_{level}" : "density_level_unknown");
}
