using Territory.Core.Messages;

namespace Territory.Core.Typology;

/// <summary>Stable codes and French labels of <see cref="TerritoryType"/>.</summary>
public static class TerritoryTypes
{
    /// <summary>All types, in the order of seed 003's table.</summary>
    public static IReadOnlyList<TerritoryType> All { get; } =
        [TerritoryType.RuralDiffuse, TerritoryType.Isolated, TerritoryType.UrbanCollective, TerritoryType.PriorityDistrict];

    /// <summary>Stable code used in files and in the configuration (<c>rural_diffuse</c>…).</summary>
    public static string Code(this TerritoryType type) => type switch
    {
        TerritoryType.RuralDiffuse => "rural_diffuse",
        TerritoryType.Isolated => "isolated",
        TerritoryType.UrbanCollective => "urban_collective",
        TerritoryType.PriorityDistrict => "priority_district",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The type's name from the seed table, as a catalogue message (<c>territory_type_CODE</c>), rendered at the edge.</summary>
    public static Message Label(this TerritoryType type) => Message.Of("territory_type_" + type.Code());

    /// <summary>Map colour of the type (hex <c>#rrggbb</c>), the same in the report, the QGIS styles and the web map.</summary>
    public static string Colour(this TerritoryType type) => type switch
    {
        TerritoryType.RuralDiffuse => "#5e9e3a",
        TerritoryType.Isolated => "#e0a02c",
        TerritoryType.UrbanCollective => "#3b78b8",
        TerritoryType.PriorityDistrict => "#c0392b",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses a code; returns false for an unknown one.</summary>
    public static bool TryParse(string code, out TerritoryType type)
    {
        foreach (var t in All)
        {
            if (string.Equals(t.Code(), code, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }
        type = default;
        return false;
    }
}
