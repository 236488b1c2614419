using NetTopologySuite.Geometries;

namespace Territory.Core.Model;

/// <summary>A commune (reference layer).</summary>
/// <remarks>Geometry in the working CRS; <see cref="AreaKm2"/> in square kilometres.</remarks>
public sealed record Commune
{
    /// <summary>INSEE code, 5 characters (2A/2B for Corsica).</summary>
    public required string Code { get; init; }
    public string? Name { get; init; }
    public int? Population { get; init; }
    public double? AreaKm2 { get; init; }
    /// <summary>INSEE grille communale de densité, 1 (grands centres urbains) to 7 (rural à habitat très dispersé).</summary>
    public int? DensityLevel { get; init; }
    /// <summary>
    /// Code of the INSEE urban area (aire urbaine, or its 2020 successor the aire d'attraction des villes)
    /// the commune belongs to; empty or <c>000</c> when it belongs to none; null when unknown.
    /// </summary>
    public string? UrbanAreaCode { get; init; }
    /// <summary>Inhabitants of the whole urban area, when the source gives it.</summary>
    public int? UrbanAreaPopulation { get; init; }
    public required Geometry Geometry { get; init; }
}
