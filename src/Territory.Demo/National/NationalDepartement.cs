using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Demo.National;

/// <summary>One département of the national set: communes, QPV, agencies, estates.</summary>
internal sealed record NationalDepartement(List<Commune> Communes, List<PriorityDistrict> Districts, List<Agency> Agencies, List<Estate> Estates)
{
    private const int Side = NationalGenerator.CommunesPerSide;

    public static NationalDepartement Build(Random rng, GeometryFactory gf, string code, int index)
    {
        var (x0, y0) = NationalDepartements.Origin(index);
        var w = NationalDepartements.CellWidth / Side;
        var h = NationalDepartements.CellHeight / Side;
        var prefix = code.Length == 2 ? code : code[..2];

        // Populations: Zipf by rank, the préfecture in the middle of the grid, the other ranks shuffled.
        var cells = Enumerable.Range(0, Side * Side).ToArray();
        var centre = Side * Side / 2;
        var others = cells.Where(c => c != centre).OrderBy(_ => rng.Next()).ToList();
        var ranked = new[] { centre }.Concat(others).ToArray();
        var communes = new List<Commune>(cells.Length);
        var population = new int[cells.Length];
        for (var r = 0; r < ranked.Length; r++)
            population[ranked[r]] = Math.Max(60, (int)(150_000 / Math.Pow(r + 1, 1.15) * (0.8 + 0.4 * rng.NextDouble())));
        for (var c = 0; c < cells.Length; c++)
        {
            var (cx, cy) = (x0 + c % Side * w, y0 + c / Side * h);
            var area = w * h / 1e6;
            var density = population[c] / area;
            communes.Add(new Commune
            {
                Code = prefix + (c + 1).ToString("000", CultureInfo.InvariantCulture),
                Name = $"Commune {prefix}-{c + 1}",
                Population = population[c],
                AreaKm2 = Math.Round(area, 3),
                DensityLevel = density > 1_500 ? 1 : density > 600 ? 2 : density > 300 ? 3 : density > 150 ? 4 : density > 60 ? 5 : density > 25 ? 6 : 7,
                Geometry = Square(gf, cx, cy, w, h),
            });
        }

        // QPV: a square of 500–900 m near the centre of each of the largest communes.
        var districts = new List<PriorityDistrict>();
        var districtOf = new Dictionary<int, Polygon>();
        for (var q = 0; q < NationalGenerator.DistrictsPerDepartement; q++)
        {
            var c = ranked[q];
            var size = 500 + rng.NextDouble() * 400;
            var (cx, cy) = (x0 + c % Side * w + w / 2 - size / 2 + (rng.NextDouble() - 0.5) * w / 3, y0 + c / Side * h + h / 2 - size / 2 + (rng.NextDouble() - 0.5) * h / 3);
            var polygon = Square(gf, cx, cy, size, size);
            districtOf[c] = polygon;
            districts.Add(new PriorityDistrict
            {
                Code = $"QN0{prefix}{q + 1:00}M",
                Name = $"Quartier {q + 1} de {communes[c].Name}",
                CommuneCode = communes[c].Code,
                Geometry = polygon,
            });
        }

        // Landlords: the leading one of the département has four agencies, the others one each.
        var lead = index % NationalGenerator.Landlords.Count;
        var agencies = new List<Agency>();
        for (var l = 0; l < NationalGenerator.Landlords.Count; l++)
        {
            var count = l == lead ? 4 : 1;
            for (var a = 0; a < count; a++)
            {
                var c = ranked[a * 3 % ranked.Length];
                agencies.Add(new Agency
                {
                    Id = $"AG-{prefix}-{l + 1}-{a + 1}",
                    Name = $"Agence {NationalGenerator.Landlords[l]} {communes[c].Name}",
                    Kind = a == 0 ? AgencyKind.Agence : AgencyKind.Antenne,
                    Landlord = NationalGenerator.Landlords[l],
                    Staff = l == lead ? 12 + rng.Next(20) : 4 + rng.Next(6),
                    SiteStaff = l == lead ? rng.Next(15) : rng.Next(3),
                    Accueil = AccueilModes.PermanencePhysique | AccueilModes.SurRendezVous,
                    CommuneCode = communes[c].Code,
                    Location = gf.CreatePoint(new Coordinate(x0 + c % Side * w + w / 2 + (a - 1.5) * 300, y0 + c / Side * h + h / 2 + 200)),
                });
            }
        }

        // Estates by population (stochastic rounding keeps the total near EstatesPerDepartement).
        var weights = population.Select(p => Math.Pow(p, 0.95)).ToArray();
        var scale = NationalGenerator.EstatesPerDepartement / weights.Sum();
        var estates = new List<Estate>();
        for (var c = 0; c < cells.Length; c++)
        {
            var expected = weights[c] * scale;
            var n = (int)expected + (rng.NextDouble() < expected - (int)expected ? 1 : 0);
            var town = population[c] >= 5_000;
            for (var i = 0; i < n; i++)
            {
                var landlordIndex = rng.NextDouble() < 0.6 ? lead : rng.Next(NationalGenerator.Landlords.Count);
                var inQpv = districtOf.TryGetValue(c, out var qpv) && rng.NextDouble() < 0.25;
                var env = inQpv ? qpv!.EnvelopeInternal : new Envelope(x0 + c % Side * w, x0 + c % Side * w + w, y0 + c / Side * h, y0 + c / Side * h + h);
                var point = gf.CreatePoint(new Coordinate(env.MinX + 10 + rng.NextDouble() * (env.Width - 20), env.MinY + 10 + rng.NextDouble() * (env.Height - 20)));
                var dwellings = inQpv ? 20 + rng.Next(100) : town ? 4 + rng.Next(30) : 1 + rng.Next(6);
                var landlord = NationalGenerator.Landlords[landlordIndex];
                var agency = agencies.Where(a => a.Landlord == landlord).MinBy(a => a.Location.Distance(point))!;
                estates.Add(new Estate
                {
                    Id = $"P{prefix}-{c + 1:000}-{i + 1:000}",
                    Name = $"Résidence {i + 1} de {communes[c].Name}",
                    Landlord = landlord,
                    Dwellings = dwellings,
                    Housing = dwellings >= 10 ? HousingKind.Collective : HousingKind.Individual,
                    ConstructionYear = 1950 + rng.Next(72),
                    CommuneCode = communes[c].Code,
                    QpvCode = inQpv ? districts.First(d => d.CommuneCode == communes[c].Code).Code : null,
                    AgencyId = agency.Id,
                    Geometry = point,
                });
            }
        }
        return new NationalDepartement(communes, districts, agencies, estates);
    }

    private static Polygon Square(GeometryFactory gf, double x, double y, double w, double h) =>
        gf.CreatePolygon([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);
}
