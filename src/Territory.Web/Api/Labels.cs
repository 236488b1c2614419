using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.Web.Api;

/// <summary>Codes and English labels the map needs beside the French ones kept in Core.</summary>
internal static class Labels
{
    public static string English(TerritoryType type) => type switch
    {
        TerritoryType.RuralDiffuse => "Scattered housing in rural areas",
        TerritoryType.Isolated => "Isolated collective and individual housing",
        TerritoryType.UrbanCollective => "Collective housing in town",
        TerritoryType.PriorityDistrict => "Large social housing districts",
        _ => type.ToString(),
    };

    public static string Housing(HousingKind kind) => kind switch
    {
        HousingKind.Collective => "collective",
        HousingKind.Individual => "individual",
        HousingKind.Student => "student",
        _ => "unknown",
    };
}
