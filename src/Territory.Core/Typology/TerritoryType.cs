namespace Territory.Core.Typology;

/// <summary>The four territory types of seed 003 « Diversité des territoires et diversité des enjeux organisationnels ».</summary>
/// <remarks>Codes and French labels are in <see cref="TerritoryTypes"/>.</remarks>
public enum TerritoryType
{
    /// <summary><c>rural_diffuse</c> « Patrimoine diffus en zone rurale ».</summary>
    RuralDiffuse,
    /// <summary><c>isolated</c> « Résidences collectives isolées et individuelles ».</summary>
    Isolated,
    /// <summary><c>urban_collective</c> « Résidences collectives en ville ».</summary>
    UrbanCollective,
    /// <summary><c>priority_district</c> « Grands quartiers d'habitat social ».</summary>
    PriorityDistrict,
}
