using NetTopologySuite.Geometries;

namespace Territory.Core.Model;

/// <summary>An agency or another presence point of a landlord (antenna, lodge, relay place…).</summary>
/// <remarks><see cref="Location"/> is in the project's working CRS.</remarks>
public sealed record Agency
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public AgencyKind Kind { get; init; } = AgencyKind.Agence;
    public string? Landlord { get; init; }
    public required Point Location { get; init; }
    /// <summary>Collaborators, excluding site staff (collaborateurs hors personnel de proximité).</summary>
    public int? Staff { get; init; }
    /// <summary>Site staff (gardiens, employés d'immeuble).</summary>
    public int? SiteStaff { get; init; }
    public AccueilModes Accueil { get; init; } = AccueilModes.None;
    /// <summary>Responsibility perimeter model 1 (« gestion courante ») to 6 (« complet »).</summary>
    public int? PerimeterModel { get; init; }
    public string? CommuneCode { get; init; }
}
