using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Model;

namespace Territory.Core.Tests.Analysis;

/// <summary>WKT helpers and small builders for hand-made territories (Lambert-93 metres).</summary>
internal static class Geo
{
    private static readonly WKTReader Reader = new(new NtsGeometryServices(new PrecisionModel(), 2154));

    public static Geometry Wkt(string wkt) => Reader.Read(wkt);

    public static Point Pt(double x, double y) => (Point)Wkt($"POINT ({x} {y})");

    /// <summary>Axis-aligned square polygon.</summary>
    public static Geometry Box(double x0, double y0, double x1, double y1) =>
        Wkt($"POLYGON (({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))");

    public static Estate Estate(string id, double x, double y, int dwellings, HousingKind kind = HousingKind.Collective,
        string landlord = "Bailleur A", string? commune = null, string? qpv = null, string? agency = null) => new()
    {
        Id = id,
        Name = $"Résidence {id}",
        Landlord = landlord,
        Geometry = Pt(x, y),
        Dwellings = dwellings,
        Housing = kind,
        CommuneCode = commune,
        QpvCode = qpv,
        AgencyId = agency,
    };

    public static Commune Commune(string code, string name, Geometry geometry, int? population, int? density) => new()
    {
        Code = code,
        Name = name,
        Geometry = geometry,
        Population = population,
        DensityLevel = density,
        AreaKm2 = geometry.Area / 1e6,
    };

    public static Agency Agency(string id, double x, double y, AgencyKind kind = AgencyKind.Agence, int? staff = 12,
        int? siteStaff = null, string? landlord = "Bailleur A") => new()
    {
        Id = id,
        Name = $"Agence {id}",
        Kind = kind,
        Location = Pt(x, y),
        Staff = staff,
        SiteStaff = siteStaff,
        Landlord = landlord,
    };
}
