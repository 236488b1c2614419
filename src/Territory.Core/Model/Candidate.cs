using NetTopologySuite.Geometries;

namespace Territory.Core.Model;

/// <summary>A site where a presence point could open (town hall, France Services, premises on offer), as the user imports it.</summary>
/// <remarks><see cref="Location"/> is in the project's working CRS.</remarks>
public sealed record Candidate
{
    /// <summary>Identifier, unique in the layer.</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public string? Name { get; init; }
    /// <summary>What the site is (free text from the source: « mairie », « France Services », « local »…).</summary>
    public string? Kind { get; init; }
    /// <summary>Where it is.</summary>
    public required Point Location { get; init; }
    /// <summary>Dwellings the site can serve at most, when the user says so.</summary>
    public int? Capacity { get; init; }
    /// <summary>Yearly cost in euros, when the user says so.</summary>
    public double? YearlyCost { get; init; }
    /// <summary>INSEE commune code, when known.</summary>
    public string? CommuneCode { get; init; }
}
