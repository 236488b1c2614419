using Territory.Core.Model;

namespace Territory.Web.Api;

/// <summary>Codes the map turns into words with the catalogue (<c>housing_collective</c>…).</summary>
internal static class Labels
{
    public static string Housing(HousingKind kind) => kind switch
    {
        HousingKind.Collective => "collective",
        HousingKind.Individual => "individual",
        HousingKind.Student => "student",
        _ => "unknown",
    };
}
