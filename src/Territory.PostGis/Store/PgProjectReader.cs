using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using Territory.Core.Model;
using Territory.Store;

namespace Territory.PostGis.Store;

/// <summary>Reads the project layers of a schema back into the domain model (columns of <see cref="ProjectLayers"/>).</summary>
internal sealed class PgProjectReader(PgSchema schema)
{
    private static readonly GeometryFactory Empty = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();

    /// <summary>Estates in feature-id order, optionally of one département only (partition pruning).</summary>
    public List<(long Fid, Estate Estate, string? CommuneSource, string? QpvSource)> Estates(string? departement = null)
    {
        var list = new List<(long, Estate, string?, string?)>();
        var where = departement is null ? "" : $" WHERE {PgSchema.DepartementColumn} = @d";
        foreach (var r in Rows("estates", "fid, geom, id, name, landlord, dwellings, housing, construction_year, commune_code, qpv_code, agency_id, commune_code_source, qpv_code_source, site_staff_fte", where, ("d", departement)))
        {
            var estate = new Estate
            {
                Geometry = Geometry(r, 1),
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
            list.Add((r.GetInt64(0), estate, Text(r, 11), Text(r, 12)));
        }
        return list;
    }

    /// <summary>What a new spatial join needs: fid, geometry, effective and source codes.</summary>
    public List<(long Fid, Geometry Geometry, string? Commune, string? Qpv, string? CommuneSource, string? QpvSource)> EstatesForJoin()
    {
        var list = new List<(long, Geometry, string?, string?, string?, string?)>();
        foreach (var r in Rows("estates", "fid, geom, commune_code, qpv_code, commune_code_source, qpv_code_source", ""))
            list.Add((r.GetInt64(0), Geometry(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5)));
        return list;
    }

    public List<Agency> Agencies(string where = "", params (string, object?)[] parameters)
    {
        var list = new List<Agency>();
        foreach (var r in Rows("agencies", "geom, id, name, kind, landlord, staff, site_staff, accueil_physique, accueil_rendez_vous, accueil_pied_immeuble, perimeter_model, commune_code", where, parameters))
        {
            var accueil = AccueilModes.None;
            if (r.GetBoolean(7)) accueil |= AccueilModes.PermanencePhysique;
            if (r.GetBoolean(8)) accueil |= AccueilModes.SurRendezVous;
            if (r.GetBoolean(9)) accueil |= AccueilModes.PiedImmeuble;
            list.Add(new Agency
            {
                Location = Geometry(r, 0) as Point ?? Empty.CreatePoint(),
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

    public List<Commune> Communes(string where = "", params (string, object?)[] parameters)
    {
        var list = new List<Commune>();
        foreach (var r in Rows("communes", "geom, code, name, population, area_km2, density_level, urban_area_code, urban_area_population", where, parameters))
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

    public List<PriorityDistrict> Districts(string where = "", params (string, object?)[] parameters)
    {
        var list = new List<PriorityDistrict>();
        foreach (var r in Rows("qpv", "geom, code, name, commune_code, population, poverty_rate, median_income, youth_index", where, parameters))
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
        foreach (var r in Rows("candidates", "geom, id, name, kind, capacity, yearly_cost, commune_code", ""))
        {
            list.Add(new Candidate
            {
                Location = Geometry(r, 0) as Point ?? Empty.CreatePoint(),
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
        foreach (var r in Rows(table, Connection.PgIdentifier.Quote(column), ""))
            set.Add(r.GetString(0));
        return set;
    }

    private IEnumerable<NpgsqlDataReader> Rows(string table, string columns, string where, params (string Name, object? Value)[] parameters)
    {
        if (!schema.TableExists(table))
            yield break;
        // Plain column names: a project written by an older version may lack some, which read as NULL.
        var select = columns.Contains('"', StringComparison.Ordinal) ? columns : schema.SelectList(table, columns.Split(',', StringSplitOptions.TrimEntries));
        using var cmd = schema.Command($"SELECT {select} FROM {schema.Q(table)}{where} ORDER BY fid",
            where.Length == 0 ? [] : parameters);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            yield return reader;
    }

    private static Geometry Geometry(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? Empty.CreateGeometryCollection() : r.GetFieldValue<Geometry>(i);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : checked((int)r.GetInt64(i));

    private static double? Real(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    /// <summary>A stored value as the store contract gives it: long, double, string (ISO dates), byte[] or null.</summary>
    public static object? Plain(NpgsqlDataReader r, int i)
    {
        if (r.IsDBNull(i))
            return null;
        return r.GetValue(i) switch
        {
            bool b => b ? 1L : 0L,
            int n => (long)n,
            short n => (long)n,
            float f => (double)f,
            DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            var v => v,
        };
    }
}
