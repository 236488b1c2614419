using System.Data.Common;
using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Store;

/// <summary>
/// One row of a project input layer read back into the domain model, the same for every store: the select lists
/// (columns of <see cref="ProjectLayers"/>, in the order the mappers read them) and the mappers over any ADO.NET
/// reader. Each store only says how it reads a geometry (a GeoPackage blob, a PostGIS value).
/// </summary>
public static class ProjectLayerRows
{
    public const string EstateColumns = "fid, geom, id, name, landlord, dwellings, housing, construction_year, commune_code, qpv_code, agency_id, commune_code_source, qpv_code_source, site_staff_fte";
    public const string EstateJoinColumns = "fid, geom, commune_code, qpv_code, commune_code_source, qpv_code_source";
    public const string AgencyColumns = "geom, id, name, kind, landlord, staff, site_staff, accueil_physique, accueil_rendez_vous, accueil_pied_immeuble, perimeter_model, commune_code";
    public const string CommuneColumns = "geom, code, name, population, area_km2, density_level, urban_area_code, urban_area_population";
    public const string DistrictColumns = "geom, code, name, commune_code, population, poverty_rate, median_income, youth_index";
    public const string CandidateColumns = "geom, id, name, kind, capacity, yearly_cost, commune_code";

    private static readonly GeometryFactory Factory = GeometryFactory.Default;

    /// <summary>An estate of <see cref="EstateColumns"/>, with its feature id and the source codes of its joins.</summary>
    public static (long Fid, Estate Estate, string? CommuneSource, string? QpvSource) Estate(DbDataReader r, Func<DbDataReader, int, Geometry> geometry)
    {
        var estate = new Estate
        {
            Geometry = geometry(r, 1),
            Id = r.GetString(2),
            Name = Text(r, 3),
            Landlord = Text(r, 4),
            Dwellings = checked((int)r.GetInt64(5)),
            Housing = ProjectLayers.HousingOf(Text(r, 6)),
            ConstructionYear = Int(r, 7),
            CommuneCode = Text(r, 8),
            QpvCode = Text(r, 9),
            AgencyId = Text(r, 10),
            SiteStaffFte = Real(r, 13),
        };
        return (r.GetInt64(0), estate, Text(r, 11), Text(r, 12));
    }

    /// <summary>What a new spatial join needs, of <see cref="EstateJoinColumns"/>: the other estate fields are left empty.</summary>
    public static (long Fid, Estate Estate, string? CommuneSource, string? QpvSource) EstateForJoin(DbDataReader r, Func<DbDataReader, int, Geometry> geometry)
    {
        var estate = new Estate { Id = "", Dwellings = 0, Geometry = geometry(r, 1), CommuneCode = Text(r, 2), QpvCode = Text(r, 3) };
        return (r.GetInt64(0), estate, Text(r, 4), Text(r, 5));
    }

    /// <summary>A presence point of <see cref="AgencyColumns"/>.</summary>
    public static Agency Agency(DbDataReader r, Func<DbDataReader, int, Geometry> geometry)
    {
        var accueil = AccueilModes.None;
        if (r.GetBoolean(7)) accueil |= AccueilModes.PermanencePhysique;
        if (r.GetBoolean(8)) accueil |= AccueilModes.SurRendezVous;
        if (r.GetBoolean(9)) accueil |= AccueilModes.PiedImmeuble;
        return new Agency
        {
            Location = geometry(r, 0) as Point ?? Factory.CreatePoint(),
            Id = r.GetString(1),
            Name = Text(r, 2),
            Kind = ProjectLayers.KindOf(r.GetString(3)),
            Landlord = Text(r, 4),
            Staff = Int(r, 5),
            SiteStaff = Int(r, 6),
            Accueil = accueil,
            PerimeterModel = Int(r, 10),
            CommuneCode = Text(r, 11),
        };
    }

    /// <summary>A commune of <see cref="CommuneColumns"/>.</summary>
    public static Commune Commune(DbDataReader r, Func<DbDataReader, int, Geometry> geometry) => new()
    {
        Geometry = geometry(r, 0),
        Code = r.GetString(1),
        Name = Text(r, 2),
        Population = Int(r, 3),
        AreaKm2 = Real(r, 4),
        DensityLevel = Int(r, 5),
        UrbanAreaCode = Text(r, 6),
        UrbanAreaPopulation = Int(r, 7),
    };

    /// <summary>A priority district of <see cref="DistrictColumns"/>.</summary>
    public static PriorityDistrict District(DbDataReader r, Func<DbDataReader, int, Geometry> geometry) => new()
    {
        Geometry = geometry(r, 0),
        Code = r.GetString(1),
        Name = Text(r, 2),
        CommuneCode = Text(r, 3),
        Population = Int(r, 4),
        PovertyRate = Real(r, 5),
        MedianIncome = Real(r, 6),
        YouthIndex = Real(r, 7),
    };

    /// <summary>A candidate site of <see cref="CandidateColumns"/>.</summary>
    public static Candidate Candidate(DbDataReader r, Func<DbDataReader, int, Geometry> geometry) => new()
    {
        Location = geometry(r, 0) as Point ?? Factory.CreatePoint(),
        Id = r.GetString(1),
        Name = Text(r, 2),
        Kind = Text(r, 3),
        Capacity = Int(r, 4),
        YearlyCost = Real(r, 5),
        CommuneCode = Text(r, 6),
    };

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : checked((int)r.GetInt64(i));

    private static double? Real(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
