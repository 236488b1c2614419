using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;

namespace Territory.Demo.National;

/// <summary>Generates the national synthetic set: ≈ 100 départements, 35,000 communes, 1,500 QPV, 250,000 estates, 5 million dwellings.</summary>
/// <remarks>
/// <para>Deterministic: each département draws from its own generator seeded by (seed, département), so a
/// smaller set (<c>departements</c>) is the start of the full one, département for département.</para>
/// <para>Per département (a 110 × 100 km cell of Lambert-93): 19 × 19 communes whose populations follow a
/// Zipf law from a préfecture of ~150,000 inhabitants; 16 QPV in the largest communes; ~2,600 estates spread
/// by population (collective and larger in towns, individual in villages, a quarter of a QPV commune's estates
/// inside its QPV); eight national landlords, one leading each département, each with agencies there.</para>
/// </remarks>
public static class NationalGenerator
{
    /// <summary>Communes per side of a département's grid.</summary>
    public const int CommunesPerSide = 19;

    /// <summary>Estates per département on average.</summary>
    public const int EstatesPerDepartement = 2_600;

    /// <summary>QPV per département.</summary>
    public const int DistrictsPerDepartement = 16;

    /// <summary>The landlords of the set.</summary>
    public static IReadOnlyList<string> Landlords { get; } =
    [
        "Habitat Atlantique", "Logis du Nord", "Foyer Rhodanien", "Cités de l'Est", "Toit Méridional", "Habitat Francilien", "Maisons du Centre", "Logement Alpin",
    ];

    /// <summary>Generates the set over the first <paramref name="departements"/> département codes.</summary>
    public static NationalDataset Generate(int seed = 2154, int departements = 96)
    {
        var codes = NationalDepartements.Codes.Take(Math.Clamp(departements, 1, NationalDepartements.Codes.Count)).ToList();
        var gf = new GeometryFactory(new PrecisionModel(), CrsRegistry.Lambert93);
        var communes = new List<Commune>();
        var districts = new List<PriorityDistrict>();
        var agencies = new List<Agency>();
        var estates = new List<Estate>();
        for (var d = 0; d < codes.Count; d++)
        {
            var part = NationalDepartement.Build(new Random(seed * 1_000 + d), gf, codes[d], d);
            communes.AddRange(part.Communes);
            districts.AddRange(part.Districts);
            agencies.AddRange(part.Agencies);
            estates.AddRange(part.Estates);
        }
        return new NationalDataset(codes, Landlords, communes, districts, agencies, estates);
    }
}
