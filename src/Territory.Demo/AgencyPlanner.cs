using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Demo;

/// <summary>Presence points of Habitat Démo and the managing agency of each estate.</summary>
/// <remarks>
/// Staff counts are chosen so that management models 1 (&lt; 15), 2 (15–25) and 3 (&gt; 30) all
/// appear. The first city QPV has a lodge with enough caretakers (≥ 1 per 100 dwellings), the
/// second a lodge with too few, the others none.
/// </remarks>
internal static class AgencyPlanner
{
    public static (List<Agency> Agencies, List<Estate> Estates) Build(
        List<Settlement> settlements, List<PriorityDistrict> districts, List<Estate> estates)
    {
        var city = settlements.Single(s => s.Kind == SettlementKind.City);
        var mid = settlements.Single(s => s.Kind == SettlementKind.MidTown);
        var towns = settlements.Where(s => s.Kind == SettlementKind.SmallTown).OrderBy(s => s.Code, StringComparer.Ordinal).Take(3).ToList();
        var gf = city.Polygon!.Factory;
        Point At(Settlement s, double dx, double dy) => gf.CreatePoint(new Coordinate(s.Seat.X + dx, s.Seat.Y + dy));
        const AccueilModes physRdv = AccueilModes.PermanencePhysique | AccueilModes.SurRendezVous;

        // Site staff (gardiens, employés d'immeuble) near the usual ratio of one per 100–130 collective
        // dwellings in town, with deliberate gaps (Le Val Fleuri's lodge, Saint-Aurel) for the caretaking check.
        var agencies = new List<Agency>
        {
            Make("AG-SIEGE", "Siège Habitat Démo", AgencyKind.Siege, At(city, 150, 100), city, 35, 0, physRdv, 6),
            Make("AG-NORD", $"Agence {city.Name} Nord", AgencyKind.Agence, At(city, 0, 1600), city, 32, 128, physRdv | AccueilModes.PiedImmeuble, 5),
            Make("AG-SUD", $"Agence {city.Name} Sud", AgencyKind.Agence, At(city, 0, -1600), city, 22, 121, physRdv, 4),
            Make("AG-MID", $"Agence {mid.Name}", AgencyKind.Agence, At(mid, 150, 0), mid, 17, 26, physRdv, 4),
        };
        int[] antennaStaff = [8, 11, 13];
        for (var i = 0; i < towns.Count; i++)
            agencies.Add(Make($"AG-ANT{i + 1}", $"Antenne de {towns[i].Name}", AgencyKind.Antenne, At(towns[i], 150, 0), towns[i],
                antennaStaff[i], i == 0 ? 3 : 1, i == 1 ? AccueilModes.SurRendezVous : physRdv, 2 + i % 2));

        var managers = agencies.Where(a => a.Kind is AgencyKind.Agence or AgencyKind.Antenne).ToList();
        string Manager(Estate e, Settlement s)
        {
            if (s.Kind == SettlementKind.City)
                return ((Point)e.Geometry).Y >= city.Seat.Y ? "AG-NORD" : "AG-SUD";
            if (s.Kind == SettlementKind.MidTown)
                return "AG-MID";
            return managers.OrderBy(a => a.Location.Coordinate.Distance(s.Seat)).ThenBy(a => a.Id, StringComparer.Ordinal).First().Id;
        }
        var byCode = settlements.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var managed = estates.Select(e => e.Landlord == EstatePlanner.MainLandlord
            ? e with { AgencyId = Manager(e, byCode[e.CommuneCode!]) }
            : e).ToList();

        // Lodges at the largest Habitat Démo ensemble of the first two city districts.
        var cityDistricts = districts.Where(d => d.CommuneCode == city.Code).Take(2).ToList();
        for (var i = 0; i < cityDistricts.Count; i++)
        {
            var inside = managed.Where(e => e.QpvCode == cityDistricts[i].Code && e.Landlord == EstatePlanner.MainLandlord).ToList();
            var dwellings = inside.Sum(e => e.Dwellings);
            var biggest = inside.OrderByDescending(e => e.Dwellings).ThenBy(e => e.Id, StringComparer.Ordinal).First();
            var caretakers = i == 0 ? dwellings / 100 + 2 : Math.Max(1, dwellings / 300);
            agencies.Add(Make($"AG-LOGE{i + 1}", $"Loge {cityDistricts[i].Name}", AgencyKind.Loge, (Point)biggest.Geometry.Copy(), city,
                1, caretakers, AccueilModes.PiedImmeuble, 1));
        }

        // A relay place in the village farthest from every managing agency.
        var remote = settlements.Where(s => s.Kind == SettlementKind.Village)
            .OrderByDescending(s => managers.Min(a => a.Location.Coordinate.Distance(s.Seat)))
            .ThenBy(s => s.Code, StringComparer.Ordinal).First();
        agencies.Add(Make("AG-RELAIS", $"Lieu relais de {remote.Name}", AgencyKind.LieuRelais, At(remote, 0, 0), remote,
            0, 0, AccueilModes.SurRendezVous, 1));
        return (agencies, managed);
    }

    private static Agency Make(string id, string name, AgencyKind kind, Point location, Settlement commune,
        int staff, int siteStaff, AccueilModes accueil, int perimeter) => new()
    {
        Id = id,
        Name = name,
        Kind = kind,
        Landlord = EstatePlanner.MainLandlord,
        Location = location,
        Staff = staff,
        SiteStaff = siteStaff,
        Accueil = accueil,
        PerimeterModel = perimeter,
        CommuneCode = commune.Code,
    };
}
