using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Layers;
using static Territory.IO.Layers.ColumnType;

namespace Territory.Store;

/// <summary>Tables and columns of a project (GeoPackage or PostGIS); the names are stable (QGIS projects and exports rely on them).</summary>
/// <remarks>
/// <c>estates.commune_code</c>/<c>qpv_code</c> hold the effective codes (after the spatial join),
/// <c>commune_code_source</c>/<c>qpv_code_source</c> the codes of the imported file, so the join
/// can be recomputed whenever a reference layer changes. <c>housing</c> is C, I, E or null (RPLS
/// TYPECONST). Communes and QPV are stored as MULTIPOLYGON (polygons are promoted).
/// </remarks>
public static class ProjectLayers
{
    /// <summary>Key/value settings: working CRS, format version, data version.</summary>
    public const string Metadata = "territory_project";

    private static readonly LayerColumn[] EstateColumns =
    [
        new("id", Text, true), new("name", Text), new("landlord", Text), new("dwellings", Integer, true),
        new("housing", Text), new("construction_year", Integer), new("commune_code", Text), new("qpv_code", Text),
        new("agency_id", Text), new("commune_code_source", Text), new("qpv_code_source", Text), new("site_staff_fte", Real),
    ];

    private static readonly LayerColumn[] AgencyColumns =
    [
        new("id", Text, true), new("name", Text), new("kind", Text, true), new("landlord", Text),
        new("staff", Integer), new("site_staff", Integer), new("accueil_physique", ColumnType.Boolean, true),
        new("accueil_rendez_vous", ColumnType.Boolean, true), new("accueil_pied_immeuble", ColumnType.Boolean, true),
        new("perimeter_model", Integer), new("commune_code", Text),
    ];

    private static readonly LayerColumn[] CommuneColumns =
    [
        new("code", Text, true), new("name", Text), new("population", Integer), new("area_km2", Real), new("density_level", Integer),
        new("urban_area_code", Text), new("urban_area_population", Integer),
    ];

    private static readonly LayerColumn[] DistrictColumns =
    [
        new("code", Text, true), new("name", Text), new("commune_code", Text), new("population", Integer), new("poverty_rate", Real),
        new("median_income", Real), new("youth_index", Real),
    ];

    private static readonly LayerColumn[] CandidateColumns =
    [
        new("id", Text, true), new("name", Text), new("kind", Text), new("capacity", Integer), new("yearly_cost", Real), new("commune_code", Text),
    ];

    /// <summary>The definition of the metadata table.</summary>
    public static readonly LayerDefinition MetadataTable =
        LayerDefinition.Attributes(Metadata, [new("key", Text, true), new("value", Text)]) with
        {
            Description = "Territory project settings (working CRS, format version)",
        };

    /// <summary>Every input layer.</summary>
    public static IReadOnlyList<LayerKind> All => LayerKinds.All;

    /// <summary>Table of an input layer (its stable code).</summary>
    public static string TableOf(LayerKind kind) => kind.Code();

    /// <summary>The column that identifies a row across imports (append policy).</summary>
    public static string KeyOf(LayerKind kind) => kind is LayerKind.Communes or LayerKind.Qpv ? "code" : "id";

    /// <summary>
    /// The geometry type of an estates layer: POINT when every estate is a point, MULTIPOLYGON when every one is a
    /// polygon (polygons promoted), GEOMETRY for a mix (or no estate), so GDAL and QGIS read a typed layer whenever the data allows.
    /// </summary>
    public static string EstateGeometryType(IEnumerable<Estate> estates)
    {
        bool points = false, polygons = false, others = false;
        foreach (var e in estates)
        {
            points |= e.Geometry is Point;
            polygons |= e.Geometry is IPolygonal;
            others |= e.Geometry is not (Point or IPolygonal);
        }
        return others || points == polygons ? "GEOMETRY" : points ? "POINT" : "MULTIPOLYGON";
    }

    /// <summary>The table of an input layer in a CRS; <paramref name="estateGeometryType"/> types the estates layer (<see cref="EstateGeometryType"/>).</summary>
    public static LayerDefinition Definition(LayerKind kind, int srid, string estateGeometryType = "GEOMETRY") => kind switch
    {
        LayerKind.Estates => new("estates", estateGeometryType, srid, EstateColumns) { Description = "Estates (programmes, résidences)" },
        LayerKind.Agencies => new("agencies", "POINT", srid, AgencyColumns) { Description = "Agencies and presence points" },
        LayerKind.Communes => new("communes", "MULTIPOLYGON", srid, CommuneColumns) { Description = "Communes" },
        LayerKind.Qpv => new("qpv", "MULTIPOLYGON", srid, DistrictColumns) { Description = "Quartiers prioritaires (QPV)" },
        LayerKind.Candidates => new("candidates", "POINT", srid, CandidateColumns) { Description = "Candidate sites for presence points" },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Writes an estate row (effective codes, and the source codes the join restarts from).</summary>
    public static void Write(ILayerWriter w, Estate e, string? communeSource, string? qpvSource) =>
        w.Write(w.Layer.GeometryType == "MULTIPOLYGON" ? ToMulti(e.Geometry) : e.Geometry, e.Id, e.Name, e.Landlord, e.Dwellings, HousingCode(e.Housing), e.ConstructionYear,
            e.CommuneCode, e.QpvCode, e.AgencyId, communeSource, qpvSource, e.SiteStaffFte);

    /// <summary>Writes an agency row.</summary>
    public static void Write(ILayerWriter w, Agency a) =>
        w.Write(a.Location, a.Id, a.Name, KindCode(a.Kind), a.Landlord, a.Staff, a.SiteStaff,
            a.Accueil.HasFlag(AccueilModes.PermanencePhysique), a.Accueil.HasFlag(AccueilModes.SurRendezVous),
            a.Accueil.HasFlag(AccueilModes.PiedImmeuble), a.PerimeterModel, a.CommuneCode);

    /// <summary>Writes a commune row.</summary>
    public static void Write(ILayerWriter w, Commune c) =>
        w.Write(ToMulti(c.Geometry), c.Code, c.Name, c.Population, c.AreaKm2, c.DensityLevel, c.UrbanAreaCode, c.UrbanAreaPopulation);

    /// <summary>Writes a QPV row.</summary>
    public static void Write(ILayerWriter w, PriorityDistrict d) =>
        w.Write(ToMulti(d.Geometry), d.Code, d.Name, d.CommuneCode, d.Population, d.PovertyRate, d.MedianIncome, d.YouthIndex);

    /// <summary>Writes a candidate row.</summary>
    public static void Write(ILayerWriter w, Candidate c) =>
        w.Write(c.Location, c.Id, c.Name, c.Kind, c.Capacity, c.YearlyCost, c.CommuneCode);

    /// <summary>RPLS TYPECONST code of a housing kind (C, I, E or null).</summary>
    public static string? HousingCode(HousingKind kind) => kind switch
    {
        HousingKind.Collective => "C",
        HousingKind.Individual => "I",
        HousingKind.Student => "E",
        _ => null,
    };

    /// <summary>Housing kind of a stored code.</summary>
    public static HousingKind HousingOf(string? code) => code switch
    {
        "C" => HousingKind.Collective,
        "I" => HousingKind.Individual,
        "E" => HousingKind.Student,
        _ => HousingKind.Unknown,
    };

    /// <summary>Stored code of an agency kind.</summary>
    public static string KindCode(AgencyKind kind) => kind.Code();

    /// <summary>Kind from its stored code; an unknown code reads as an agency.</summary>
    public static AgencyKind KindOf(string code) => AgencyKinds.TryParse(code, out var k) ? k : AgencyKind.Agence;

    /// <summary>A MULTIPOLYGON column takes a polygon as a one-part multipolygon (new geometry; the input is untouched).</summary>
    private static Geometry ToMulti(Geometry g) =>
        g is Polygon p ? g.Factory.CreateMultiPolygon([(Polygon)p.Copy()]) : g;
}
