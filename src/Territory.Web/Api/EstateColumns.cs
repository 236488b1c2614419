using Territory.Core.Typology;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// The estates layer as columns (<c>/api/layers/estates?format=columns</c>): what the map draws and
/// filters, one array per property, strings dictionary-encoded. 50,000 estates weigh ~2.5 MB instead
/// of ~20 MB of GeoJSON, and the browser builds its features without parsing a feature collection.
/// Everything else about an estate comes from <c>/api/estates/{id}</c>.
/// </summary>
/// <param name="Count">Number of estates (length of every array).</param>
/// <param name="Id">Estate ids.</param>
/// <param name="Lon">Longitudes (WGS 84, 6 decimals).</param>
/// <param name="Lat">Latitudes.</param>
/// <param name="Dwellings">Dwellings.</param>
/// <param name="Type">Index of the territory type in <c>Types</c>, −1 when not typed.</param>
/// <param name="Types">Type codes.</param>
/// <param name="Landlord">Index in <c>Landlords</c>, −1 when unknown.</param>
/// <param name="Landlords">Landlord names.</param>
/// <param name="Agency">Index of the managing agency in <c>Agencies</c>, −1 when none.</param>
/// <param name="TravelAgency">Index of the agency the travel time is from, −1 when none.</param>
/// <param name="Agencies">Agency ids.</param>
/// <param name="TravelMinutes">Travel time, minutes (1 decimal); null when unreachable.</param>
/// <param name="Estimated">1 when the travel time is a straight-line estimate.</param>
public sealed record EstateColumns(int Count, string[] Id, double[] Lon, double[] Lat, int[] Dwellings, int[] Type, IReadOnlyList<string> Types,
    int[] Landlord, IReadOnlyList<string> Landlords, int[] Agency, int[] TravelAgency, IReadOnlyList<string> Agencies, double?[] TravelMinutes, int[] Estimated)
{
    public static EstateColumns Of(ProjectSnapshot s)
    {
        var estates = s.Data.Estates;
        int n = estates.Count;
        var types = TerritoryTypes.All.Select(t => t.Code()).ToList();
        var landlords = new Dictionary<string, int>(StringComparer.Ordinal);
        var agencies = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(Dictionary<string, int> map, string? key)
        {
            if (key is null)
                return -1;
            if (!map.TryGetValue(key, out var i))
                map[key] = i = map.Count;
            return i;
        }
        var c = new EstateColumns(n, new string[n], new double[n], new double[n], new int[n], new int[n], types, new int[n], [], new int[n], new int[n], [],
            new double?[n], new int[n]);
        for (int i = 0; i < n; i++)
        {
            var e = estates[i];
            var point = e.Geometry as NetTopologySuite.Geometries.Point ?? e.Geometry.InteriorPoint;
            var (lon, lat) = s.ToWgs84.Transform(point.X, point.Y);
            s.TerritoryOfEstate.TryGetValue(e.Id, out var territory);
            s.AccessByEstate.TryGetValue(e.Id, out var access);
            c.Id[i] = e.Id;
            c.Lon[i] = Math.Round(lon, 6);
            c.Lat[i] = Math.Round(lat, 6);
            c.Dwellings[i] = e.Dwellings;
            c.Type[i] = territory is null ? -1 : types.IndexOf(territory.Type.Code());
            c.Landlord[i] = Index(landlords, e.Landlord);
            c.Agency[i] = Index(agencies, e.AgencyId);
            c.TravelAgency[i] = Index(agencies, access?.AgencyId);
            c.TravelMinutes[i] = access?.DurationSeconds is double sec ? Math.Round(sec / 60, 1) : null;
            c.Estimated[i] = access?.Estimated ?? true ? 1 : 0;
        }
        return c with
        {
            Landlords = landlords.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToList(),
            Agencies = agencies.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToList(),
        };
    }
}
