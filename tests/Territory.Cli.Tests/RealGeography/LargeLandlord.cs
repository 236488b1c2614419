using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;

namespace Territory.Cli.Tests.RealGeography;

/// <summary>
/// A made-up landlord of about 400 estates placed deterministically on the real communes and QPV of Haute-Garonne
/// and Tarn, as a director would try the product: collective estates in every QPV (a second landlord in half of
/// them), residences in every town of 10,000 inhabitants or more, one small residence in rural bourgs, individual
/// houses in villages; agencies in the largest towns declaring their caretakers without a place of work.
/// </summary>
internal sealed class LargeLandlord
{
    public const string MainLandlord = "Habitat Garonne Tarn (fictif)";
    public const string OtherLandlord = "Autre Bailleur (fictif)";

    private readonly Random _random;
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 2154);
    private readonly Reprojector _toWgs84 = new(2154, 4326);
    private readonly List<string> _estateLines = [];
    private readonly List<(string Id, string Name, string Kind, int Staff, Point At)> _agencies = [];
    private readonly Dictionary<string, int> _collectiveByAgency = new(StringComparer.Ordinal);

    private LargeLandlord(int seed) => _random = new Random(seed);

    /// <summary>Estate id → position (lon, lat), for placing points beside them.</summary>
    public Dictionary<string, (double Lon, double Lat)> Positions { get; } = new(StringComparer.Ordinal);
    /// <summary>Bourgs (1,500–2,500 inhabitants) holding one small collective residence.</summary>
    public List<string> Bourgs { get; } = [];
    /// <summary>Communes of 10,000–25,000 inhabitants outside QPV holding a residence of 100 collective dwellings or more.</summary>
    public List<string> MidTownsWithLargeResidence { get; } = [];
    public int EstateCount => _estateLines.Count;

    public static LargeLandlord Place(IReadOnlyList<Commune> communes, IReadOnlyList<PriorityDistrict> districts, int seed)
    {
        var plan = new LargeLandlord(seed);
        plan.Build(communes, districts);
        return plan;
    }

    public void WriteCsv(string estatesPath, string agenciesPath)
    {
        File.WriteAllLines(estatesPath, ["id;nom;bailleur;nb_logements;typeconst;construct;gardiens;lon;lat;agence", .. _estateLines], new UTF8Encoding(false));
        // Each agency declares its caretakers without a place of work: one per 100 of its collective dwellings (more than the rule asks).
        var lines = _agencies.Select(a => $"{a.Id};{a.Name};{MainLandlord};{a.Kind};{a.Staff};{Math.Ceiling(_collectiveByAgency.GetValueOrDefault(a.Id) / 100.0)};{LonLat(a.At)}");
        File.WriteAllLines(agenciesPath, ["id;nom;bailleur;type;effectif;gardiens;lon;lat", .. lines], new UTF8Encoding(false));
    }

    private void Build(IReadOnlyList<Commune> communes, IReadOnlyList<PriorityDistrict> districts)
    {
        var byCode = communes.ToDictionary(c => c.Code);
        var allQpv = _factory.BuildGeometry(districts.Select(d => d.Geometry)).Union();
        var ours = communes.Where(c => c.Code.StartsWith("31", StringComparison.Ordinal) || c.Code.StartsWith("81", StringComparison.Ordinal)).ToList();

        // Agencies in the largest towns (Toulouse first: it declares the caretakers).
        foreach (var (c, k) in ours.Where(c => c.Population is not null).OrderByDescending(c => c.Population).Take(6).Select((c, k) => (c, k)))
            _agencies.Add(($"AG-{c.Code}", $"{(k < 3 ? "Agence" : "Antenne")} de {c.Name}", k < 3 ? "agence" : "antenne", k == 0 ? 28 : k < 3 ? 12 : 5,
                PointIn(c.Geometry, p => !allQpv.Contains(p))));

        // Every QPV: one to four collective estates of ours, a second landlord in half of them.
        foreach (var d in districts.Where(d => d.CommuneCode is { } code && (code.StartsWith("31", StringComparison.Ordinal) || code.StartsWith("81", StringComparison.Ordinal)))
                     .OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var inside = byCode.TryGetValue(d.CommuneCode!, out var commune) ? d.Geometry.Intersection(commune.Geometry) : d.Geometry;
            if (inside.IsEmpty) inside = d.Geometry;
            var n = 1 + _random.Next(4);
            for (var k = 0; k < n; k++)
                Collective($"Q-{d.Code}-{k + 1}", $"Cité {d.Name} {k + 1}", MainLandlord, 40 + _random.Next(181), PointIn(inside, _ => true), 1960 + _random.Next(20));
            if (_random.Next(2) == 0)
                Collective($"B-{d.Code}", $"Résidence {d.Name}", OtherLandlord, 100 + _random.Next(301), PointIn(inside, _ => true), 1965 + _random.Next(20));
        }

        // Towns of 10,000 inhabitants or more: two to eight residences outside QPV.
        foreach (var c in ours.Where(c => c.Population >= 10_000).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var n = c.Population > 100_000 ? 12 : 2 + _random.Next(5);
            for (var k = 0; k < n; k++)
                Collective($"T-{c.Code}-{k + 1}", $"Résidence {c.Name} {k + 1}", MainLandlord, 20 + _random.Next(131), PointIn(c.Geometry, p => !allQpv.Contains(p)),
                    1950 + _random.Next(70));
            if (c.Population <= 25_000 && MidTownsWithLargeResidence.Count < 4)
            {
                Collective($"T-{c.Code}-L", $"Grande résidence {c.Name}", MainLandlord, 120, PointIn(c.Geometry, p => !allQpv.Contains(p)), 1972);
                MidTownsWithLargeResidence.Add(c.Code);
            }
        }

        // Rural bourgs: one small collective residence each.
        foreach (var c in ours.Where(c => c.Population is >= 1_500 and <= 2_500).OrderBy(_ => _random.Next()).Take(20).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            Bourgs.Add(c.Code);
            Collective($"R-{c.Code}", $"Résidence du bourg, {c.Name}", MainLandlord, 20 + _random.Next(21), PointIn(c.Geometry, _ => true), 1980 + _random.Next(30));
        }

        // Villages: two to five individual houses each.
        foreach (var c in ours.Where(c => c.Population is > 50 and < 1_000).OrderBy(_ => _random.Next()).Take(45).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var n = 2 + _random.Next(4);
            for (var k = 0; k < n; k++)
                Estate($"I-{c.Code}-{k + 1}", $"Maison {c.Name} {k + 1}", MainLandlord, 1 + _random.Next(4), "I", PointIn(c.Geometry, _ => true), 1975 + _random.Next(45), "");
        }
    }

    private void Collective(string id, string name, string landlord, int dwellings, Point at, int year)
    {
        // A few large estates declare their own gardiens (one per 100 dwellings).
        var gardiens = landlord == MainLandlord && dwellings >= 150 && _random.Next(4) == 0 ? (dwellings / 100.0).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') : "";
        Estate(id, name, landlord, dwellings, "C", at, year, gardiens);
    }

    private void Estate(string id, string name, string landlord, int dwellings, string housing, Point at, int year, string gardiens)
    {
        var agency = landlord == MainLandlord ? _agencies.MinBy(a => a.At.Distance(at)).Id : "";
        if (housing == "C" && agency.Length > 0 && gardiens.Length == 0)
            _collectiveByAgency[agency] = _collectiveByAgency.GetValueOrDefault(agency) + dwellings;
        _estateLines.Add($"{id};{name};{landlord};{dwellings};{housing};{year};{gardiens};{LonLat(at)};{agency}");
        Positions[id] = _toWgs84.Transform(at.X, at.Y);
    }

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

    private string LonLat(Point p)
    {
        var (lon, lat) = _toWgs84.Transform(p.X, p.Y);
        return $"{lon.ToString("0.000000", CultureInfo.InvariantCulture).Replace('.', ',')};{lat.ToString("0.000000", CultureInfo.InvariantCulture).Replace('.', ',')}";
    }
}
