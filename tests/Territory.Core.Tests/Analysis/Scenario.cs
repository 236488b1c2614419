using Territory.Core.Analysis;
using Territory.Core.Model;
using static Territory.Core.Tests.Analysis.Geo;

namespace Territory.Core.Tests.Analysis;

/// <summary>
/// A hand-made organisation covering the boundary cases: a big city (69259, level 1, 65,000 inh.)
/// with a 150-dwelling QPV part, a 12-dwelling QPV part and a collective residence beside the QPV;
/// a small town (level 4) with one isolated 60-dwelling residence; a village (level 6) with 3 houses.
/// </summary>
internal static class Scenario
{
    public const string City = "69259";
    public const string Town = "38100";
    public const string Village = "38999";
    public const string BigQpv = "QP069001";
    public const string SmallQpv = "QP069002";

    public static AnalysisInput Build() => new()
    {
        OrganisationName = "Office test",
        Communes =
        [
            Commune(City, "Grande-Ville", Box(0, 0, 5000, 5000), 65_000, 1),
            Commune(Town, "Petite-Ville", Box(30_000, 0, 33_000, 3000), 8_000, 4),
            Commune(Village, "Village", Box(60_000, 0, 64_000, 4000), 300, 6),
        ],
        Districts =
        [
            new PriorityDistrict { Code = BigQpv, Name = "Les Minguettes", CommuneCode = City, Geometry = Box(1000, 1000, 2000, 2000) },
            new PriorityDistrict { Code = SmallQpv, Name = "Le Petit Quartier", CommuneCode = City, Geometry = Box(3000, 3000, 3500, 3500) },
        ],
        Agencies = [Agency("AG1", 2500, 2500, staff: 20)],
        Estates =
        [
            Estate("QPV150", 1500, 1500, 150),
            Estate("BESIDE", 2300, 1500, 80),
            Estate("QPV12", 3200, 3200, 12),
            Estate("TOWN60", 31_500, 1500, 60),
            Estate("H1", 61_000, 1000, 1, HousingKind.Individual),
            Estate("H2", 61_200, 1100, 1, HousingKind.Individual),
            Estate("H3", 61_400, 1000, 1, HousingKind.Individual),
        ],
    };
}
