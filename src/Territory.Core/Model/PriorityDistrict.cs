using NetTopologySuite.Geometries;

namespace Territory.Core.Model;

/// <summary>A priority district of the politique de la ville (QPV).</summary>
/// <remarks>2015 codes start with <c>QP</c>, 2024 codes with <c>QN</c>. Geometry in the working CRS.</remarks>
public sealed record PriorityDistrict
{
    public required string Code { get; init; }
    public string? Name { get; init; }
    public string? CommuneCode { get; init; }
    public required Geometry Geometry { get; init; }
}
