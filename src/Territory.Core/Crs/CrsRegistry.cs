using ProjNet.CoordinateSystems;

namespace Territory.Core.Crs;

/// <summary>The coordinate reference systems Territory knows, by EPSG code.</summary>
/// <remarks>
/// ProjNet carries no EPSG database, so the definitions live here as WKT. Geographic systems
/// based on GRS 80 / WGS 84 realisations (RGF93, RGAF09…) are treated as WGS 84: the difference
/// is centimetric, far below what the product needs.
/// </remarks>
public static class CrsRegistry
{
    /// <summary>WGS 84 longitude/latitude.</summary>
    public const int Wgs84 = 4326;
    /// <summary>RGF93 / Lambert-93, the working CRS for metropolitan France.</summary>
    public const int Lambert93 = 2154;
    /// <summary>NTF (Paris) / Lambert zone II, « Lambert II étendu », still found in old exports.</summary>
    public const int Lambert2Etendu = 27572;

    private const string Grs80Geog =
        "GEOGCS[\"GRS80 based\",DATUM[\"D\",SPHEROID[\"GRS 1980\",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";

    private static readonly Dictionary<int, string> Wkt = new()
    {
        [Wgs84] = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4326\"]]",
        [Lambert93] = Lcc2("RGF93 / Lambert-93", 49, 44, 46.5, 3, 700000, 6600000),
        // ProjNet has no LCC 1SP: the zone is written in its equivalent 2SP form (IGN's secant
        // parallels 45°53'56.108" and 47°41'45.652"), with the Paris meridian (2°20'14.025" E)
        // folded into the central meridian; NTF → WGS 84 is EPSG's 3-parameter shift, as PROJ uses.
        [Lambert2Etendu] = "PROJCS[\"NTF (Paris) / Lambert zone II\",GEOGCS[\"NTF\",DATUM[\"Nouvelle_Triangulation_Francaise\",SPHEROID[\"Clarke 1880 (IGN)\",6378249.2,293.4660212936269],TOWGS84[-168,-60,320,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",45.89891888888889],PARAMETER[\"standard_parallel_2\",47.69601444444444],PARAMETER[\"latitude_of_origin\",46.8],PARAMETER[\"central_meridian\",2.337229166666667],PARAMETER[\"false_easting\",600000],PARAMETER[\"false_northing\",2200000],UNIT[\"metre\",1]]",
        [5490] = Utm("RGAF09 / UTM zone 20N", -63, north: true),
        [2972] = Utm("RGFG95 / UTM zone 22N", -51, north: true),
        [2975] = Utm("RGR92 / UTM zone 40S", 57, north: false),
        [4471] = Utm("RGM04 / UTM zone 38S", 45, north: false),
    };

    private static readonly Dictionary<int, string> Names = new()
    {
        [Wgs84] = "WGS 84",
        [Lambert93] = "RGF93 / Lambert-93",
        [Lambert2Etendu] = "NTF (Paris) / Lambert zone II étendu",
        [5490] = "RGAF09 / UTM zone 20N (Antilles)",
        [2972] = "RGFG95 / UTM zone 22N (Guyane)",
        [2975] = "RGR92 / UTM zone 40S (La Réunion)",
        [4471] = "RGM04 / UTM zone 38S (Mayotte)",
    };

    private static readonly CoordinateSystemFactory Factory = new();
    private static readonly Dictionary<int, CoordinateSystem> Cache = new();

    /// <summary>EPSG codes whose definition is known.</summary>
    public static IEnumerable<int> KnownCodes => Wkt.Keys;

    /// <summary>True when <paramref name="epsg"/> can be used for reprojection.</summary>
    public static bool IsKnown(int epsg) => Wkt.ContainsKey(epsg);

    /// <summary>True for a geographic (degrees) CRS.</summary>
    public static bool IsGeographic(int epsg) => Get(epsg) is GeographicCoordinateSystem;

    /// <summary>Human name of a known CRS.</summary>
    public static string NameOf(int epsg) => Names.TryGetValue(epsg, out var n) ? n : $"EPSG:{epsg}";

    /// <summary>The OGC WKT of a known CRS (as written in <c>.prj</c> and <c>gpkg_spatial_ref_sys</c>).</summary>
    public static string WktOf(int epsg) =>
        Wkt.TryGetValue(epsg, out var w) ? w : throw new ArgumentException($"Unknown CRS EPSG:{epsg}.", nameof(epsg));

    /// <summary>Registers another CRS from its WKT (for example one read from a <c>.prj</c>).</summary>
    public static void Register(int epsg, string name, string wkt)
    {
        lock (Cache)
        {
            Wkt[epsg] = wkt;
            Names[epsg] = name;
            Cache.Remove(epsg);
        }
    }

    internal static CoordinateSystem Get(int epsg)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(epsg, out var cs))
            {
                cs = (CoordinateSystem)Factory.CreateFromWkt(WktOf(epsg));
                Cache[epsg] = cs;
            }
            return cs;
        }
    }

    private static string Lcc2(string name, double sp1, double sp2, double lat0, double lon0, double fe, double fn) =>
        $"PROJCS[\"{name}\",{Grs80Geog},PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",{sp1}],PARAMETER[\"standard_parallel_2\",{sp2}],PARAMETER[\"latitude_of_origin\",{lat0}],PARAMETER[\"central_meridian\",{lon0}],PARAMETER[\"false_easting\",{fe}],PARAMETER[\"false_northing\",{fn}],UNIT[\"metre\",1]]";

    private static string Utm(string name, double lon0, bool north) =>
        $"PROJCS[\"{name}\",{Grs80Geog},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{lon0}],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",{(north ? 0 : 10000000)}],UNIT[\"metre\",1]]";
}
