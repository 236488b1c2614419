namespace Territory.Core.Typology;

/// <summary>One rule of the density estimate: a commune meeting both minimums gets <see cref="Level"/>.</summary>
/// <remarks>Rules are tried in order; the first that matches wins. Density in inhabitants per km².</remarks>
public sealed record DensityRule(int Level, int MinPopulation, double MinDensityPerKm2);
