using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using Territory.Store;

namespace Territory.Store.GeoPackage;

/// <summary>Reads the project layers back into the domain model (columns of <see cref="ProjectLayers"/>).</summary>
internal sealed class ProjectLayerReader(SqliteConnection connection, SqliteTransaction? transaction)
{
    private readonly GeoPackageBlob _blob = new();

    public List<StoredEstate> Estates()
    {
        var list = new List<StoredEstate>();
        foreach (var r in Rows("estates", "fid, geom, id, name, landlord, dwellings, housing, construction_year, commune_code, qpv_code, agency_id, commune_code_source, qpv_code_source, site_staff_fte"))
        {
            var estate = new Estate
            {
                Geometry = Geometry(r, 1),
                Id = r.GetString(2),
                Name = Text(r, 3),
                Landlord = Text(r, 4),
                Dwellings = r.GetInt32(5),
                Housing = ProjectLayers.HousingOf(Text(r, 6)),
                ConstructionYear = Int(r, 7),
                CommuneCode = Text(r, 8),
                QpvCode = Text(r, 9),
                AgencyId = Text(r, 10),
                SiteStaffFte = Real(r, 13),
            };
            list.Add(new StoredEstate(r.GetInt64(0), estate, Text(r, 11), Text(r, 12)));
        }
        return list;
    }

    /// <summary>
    /// What a new spatial join needs, read fast: fid, geometry, effective and source codes (the
    /// other estate fields are left empty).
    /// </summary>
    public List<StoredEstate> EstatesForJoin()
    {
        var list = new List<StoredEstate>();
        foreach (var r in Rows("estates", "fid, geom, commune_code, qpv_code, commune_code_source, qpv_code_source"))
        {
            var estate = new Estate { Id = "", Dwellings = 0, Geometry = Geometry(r, 1), CommuneCode = Text(r, 2), QpvCode = Text(r, 3) };
            list.Add(new StoredEstate(r.GetInt64(0), estate, Text(r, 4), Text(r, 5)));
        }
        return list;
    }

    public List<Agency> Agencies()
    {
        var list = new List<Agency>();
        foreach (var r in Rows("agencies", "geom, id, name, kind, landlord, staff, site_staff, accueil_physique, accueil_rendez_vous, accueil_pied_immeuble, perimeter_model, commune_code"))
        {
            var accueil = AccueilModes.None;
            if (r.GetBoolean(7)) accueil |= AccueilModes.PermanencePhysique;
            if (r.GetBoolean(8)) accueil |= AccueilModes.SurRendezVous;
            if (r.GetBoolean(9)) accueil |= AccueilModes.PiedImmeuble;
            list.Add(new Agency
            {
                Location = Geometry(r, 0) as Point ?? NetTopologySuite.Geometries.GeometryFactory.Default.CreatePoint(),
                Id = r.GetString(1),
                Name = Text(r, 2),
                Kind = ProjectLayers.KindOf(r.GetString(3)),
                Landlord = Text(r, 4),
                Staff = Int(r, 5),
                SiteStaff = Int(r, 6),
                Accueil = accueil,
                PerimeterModel = Int(r, 10),
                CommuneCode = Text(r, 11),
            });
        }
        return list;
    }

    public List<Commune> Communes()
    {
        var list = new List<Commune>();
        foreach (var r in Rows("communes", "geom, code, name, population, area_km2, density_level, urban_area_code, urban_area_population"))
        {
            list.Add(new Commune
            {
                Geometry = Geometry(r, 0),
                Code = r.GetString(1),
                Name = Text(r, 2),
                Population = Int(r, 3),
                AreaKm2 = r.IsDBNull(4) ? null : r.GetDouble(4),
                DensityLevel = Int(r, 5),
                UrbanAreaCode = Text(r, 6),
                UrbanAreaPopulation = Int(r, 7),
            });
        }
        return list;
    }

    public List<PriorityDistrict> Districts()
    {
        var list = new List<PriorityDistrict>();
        foreach (var r in Rows("qpv", "geom, code, name, commune_code, population, poverty_rate, median_income, youth_index"))
            list.Add(new PriorityDistrict
            {
                Geometry = Geometry(r, 0), Code = r.GetString(1), Name = Text(r, 2), CommuneCode = Text(r, 3), Population = Int(r, 4),
                PovertyRate = Real(r, 5), MedianIncome = Real(r, 6), YouthIndex = Real(r, 7),
            });
        return list;
    }

    public List<Candidate> Candidates()
    {
        var list = new List<Candidate>();
        foreach (var r in Rows("candidates", "geom, id, name, kind, capacity, yearly_cost, commune_code"))
        {
            list.Add(new Candidate
            {
                Location = Geometry(r, 0) as Point ?? NetTopologySuite.Geometries.GeometryFactory.Default.CreatePoint(),
                Id = r.GetString(1),
                Name = Text(r, 2),
                Kind = Text(r, 3),
                Capacity = Int(r, 4),
                YearlyCost = r.IsDBNull(5) ? null : r.GetDouble(5),
                CommuneCode = Text(r, 6),
            });
        }
        return list;
    }

    /// <summary>Distinct values of a text column (the append policy's existing keys).</summary>
    public HashSet<string> Keys(string table, string column)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rows(table, column))
            set.Add(r.GetString(0));
        return set;
    }

    private IEnumerable<SqliteDataReader> Rows(string table, string columns)
    {
        if (!GeoPackageSchema.TableExists(connection, transaction, table))
            yield break;
        // Older projects may lack columns added since: they read as NULL.
        var select = TableColumns.Select(connection, transaction, table, columns.Split(',', StringSplitOptions.TrimEntries));
        using var cmd = GeoPackageSchema.Command(connection, transaction, $"SELECT {select} FROM {GeoPackageSchema.Quote(table)} ORDER BY fid");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            yield return reader;
    }

    private Geometry Geometry(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? NetTopologySuite.Geometries.GeometryFactory.Default.CreateGeometryCollection() : _blob.Read((byte[])r.GetValue(i));

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static double? Real(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
