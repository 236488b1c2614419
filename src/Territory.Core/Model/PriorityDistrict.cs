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
    /// <summary>Municipal population of the district (INSEE QPV indicators, <c>pop_mun</c>).</summary>
    public int? Population { get; init; }
    /// <summary>Poverty rate of the district, percent (INSEE, <c>tp60</c>).</summary>
    public double? PovertyRate { get; init; }
    /// <summary>Median disposable income per consumption unit, euros a year (INSEE, <c>disp_q2</c>).</summary>
    public double? MedianIncome { get; init; }
    /// <summary>Youth index: inhabitants aged 0–19 per inhabitant aged 60 or more (INSEE, <c>ind_jeune</c>).</summary>
    public double? YouthIndex { get; init; }
}
