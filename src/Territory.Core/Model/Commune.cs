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
    public required Geometry Geometry { get; init; }
}
