using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;

namespace Territory.Cli.Tests.RealGeography;

/// <summary>
/// A made-up landlord placed deterministically (seeded) on real communes and QPV of Haute-Garonne
/// and Tarn, shaped so each of the four territory types has an unambiguous case.
/// </summary>
/// <remarks>Geometries in Lambert-93 (the project's working CRS); the CSV files carry lon/lat with a decimal comma.</remarks>
internal sealed class SyntheticLandlord
{
    public const string Toulouse = "31555";
    public const string Albi = "81004";
    public const string MainLandlord = "Habitat Garonne Tarn (fictif)";
    public const string OtherLandlord = "Autre Bailleur (fictif)";

    private readonly Random _random;
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 2154);
    private readonly List<string> _estateLines = [];
    private readonly List<string> _agencyLines = [];
    private readonly Reprojector _toWgs84 = new(2154, 4326);

    private SyntheticLandlord(int seed) => _random = new Random(seed);

    /// <summary>QPV codes of Toulouse holding large collective estates.</summary>
    public List<string> ToulouseQpvs { get; } = [];
    /// <summary>The QPV where a second landlord also has an estate.</summary>
    public string SharedQpv { get; private set; } = "";
    /// <summary>Small town (3–8k inhabitants) holding one lone 60-dwelling residence.</summary>
    public string IsolatedCommune { get; private set; } = "";
    /// <summary>Rural Tarn villages holding a few individual houses.</summary>
    public List<string> Villages { get; } = [];

    public static SyntheticLandlord Place(IReadOnlyList<Commune> communes, IReadOnlyList<PriorityDistrict> districts, int seed)
    {
        var plan = new SyntheticLandlord(seed);
        plan.Build(communes, districts);
        return plan;
    }

    public void WriteCsv(string estatesPath, string agenciesPath)
    {
        File.WriteAllLines(estatesPath, ["id;nom;bailleur;nb_logements;typeconst;lon;lat;agence", .. _estateLines], new UTF8Encoding(false));
        File.WriteAllLines(agenciesPath, ["id;nom;bailleur;type;effectif;gardiens;lon;lat", .. _agencyLines], new UTF8Encoding(false));
    }

    private void Build(IReadOnlyList<Commune> communes, IReadOnlyList<PriorityDistrict> districts)
    {
        var byCode = communes.ToDictionary(c => c.Code);
        var toulouse = byCode[Toulouse].Geometry;
        var albi = byCode[Albi].Geometry;
        var allQpv = _factory.BuildGeometry(districts.Select(d => d.Geometry)).Union();

        // Large collective estates in four Toulouse QPVs (two each, 150–250 dwellings).
        var qpvs = districts.Where(d => d.CommuneCode == Toulouse).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        foreach (var d in qpvs.OrderBy(_ => _random.Next()).Take(4).OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            ToulouseQpvs.Add(d.Code);
            var inside = d.Geometry.Intersection(toulouse);
            for (var k = 0; k < 2; k++)
                Estate($"QPV-{d.Code}-{k + 1}", $"Cité {d.Name} {k + 1}", MainLandlord, _random.Next(150, 251), "C", PointIn(inside, _ => true), "AG-TLS");
        }
        SharedQpv = ToulouseQpvs[0];
        var shared = districts.Single(d => d.Code == SharedQpv).Geometry.Intersection(toulouse);
        Estate("B-001", "Résidence partagée", OtherLandlord, 80, "C", PointIn(shared, _ => true), "");

        // Ordinary collective residences in Toulouse, outside every QPV.
        for (var k = 0; k < 10; k++)
            Estate($"TLS-{k + 1:00}", $"Résidence toulousaine {k + 1}", MainLandlord, _random.Next(40, 121), "C", PointIn(toulouse, p => !allQpv.Contains(p)), "AG-TLS");

        var toulouseCentre = toulouse.Centroid;
        var albiCentre = albi.Centroid;
        var castresCentre = byCode["81065"].Geometry.Centroid;

        // One lone residence in a small town far from the rest (estimated density 100–400 /km²: petite ville).
        var towns = communes
            .Where(c => c.DensityLevel is null && c.Population is >= 3000 and <= 8000)
            .Where(c => Density(c) is >= 100 and < 400)
            .Where(c => c.Geometry.Centroid.Distance(toulouseCentre) > 30_000 && c.Geometry.Centroid.Distance(albiCentre) > 20_000)
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var town = towns[_random.Next(towns.Count)];
        IsolatedCommune = town.Code;
        Estate("ISO-001", $"Résidence du centre, {town.Name}", MainLandlord, 60, "C", PointIn(town.Geometry, _ => true), "AG-PV");

        // Individual houses in rural Tarn villages (fewer than 1,000 inhabitants, under 30 /km²).
        var villages = communes
            .Where(c => c.Code.StartsWith("81", StringComparison.Ordinal) && c.Population is > 50 and < 1000 && Density(c) < 30)
            .Where(c => c.Geometry.Centroid.Distance(albiCentre) > 12_000 && c.Geometry.Centroid.Distance(castresCentre) > 12_000
                        && c.Geometry.Centroid.Distance(town.Geometry.Centroid) > 15_000)
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var chosen = new List<Commune>();
        foreach (var v in villages.OrderBy(_ => _random.Next()))
        {
            if (chosen.Count == 5)
                break;
            if (chosen.Any(o => o.Geometry.Centroid.Distance(v.Geometry.Centroid) < 8_000))
                continue;
            chosen.Add(v);
            Villages.Add(v.Code);
            var houses = _random.Next(3, 6);
            for (var k = 0; k < houses; k++)
                Estate($"IND-{v.Code}-{k + 1}", $"Maison {v.Name} {k + 1}", MainLandlord, _random.Next(1, 5), "I", PointIn(v.Geometry, _ => true), "AG-ALB");
        }

        Agency("AG-TLS", "Agence de Toulouse", "agence", 25, 6, PointIn(toulouse, p => !allQpv.Contains(p)));
        Agency("AG-ALB", "Agence d'Albi", "agence", 12, 1, PointIn(albi, _ => true));
        Agency("AG-PV", $"Antenne de {town.Name}", "antenne", 3, 0, PointIn(town.Geometry, _ => true));
    }

    private static double Density(Commune c) => (c.Population ?? 0) / (c.AreaKm2 ?? c.Geometry.Area / 1e6);

    private Point PointIn(Geometry area, Func<Point, bool> accept)
    {
        var env = area.EnvelopeInternal;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var p = _factory.CreatePoint(new Coordinate(env.MinX + _random.NextDouble() * env.Width, env.MinY + _random.NextDouble() * env.Height));
            if (area.Contains(p) && accept(p))
                return p;
        }
        throw new InvalidOperationException("no point found in the area");
    }

    private void Estate(string id, string name, string landlord, int dwellings, string housing, Point at, string agency) =>
        _estateLines.Add($"{id};{name};{landlord};{dwellings};{housing};{LonLat(at)};{agency}");

    private void Agency(string id, string name, string kind, int staff, int siteStaff, Point at) =>
        _agencyLines.Add($"{id};{name};{MainLandlord};{kind};{staff};{siteStaff};{LonLat(at)}");

    private string LonLat(Point p)
    {
        var (lon, lat) = _toWgs84.Transform(p.X, p.Y);
        // Decimal comma, as French spreadsheets write it.
        return $"{lon.ToString("0.000000", CultureInfo.InvariantCulture).Replace('.', ',')};{lat.ToString("0.000000", CultureInfo.InvariantCulture).Replace('.', ',')}";
    }
}
