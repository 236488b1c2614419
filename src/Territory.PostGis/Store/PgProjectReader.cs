using System.Data.Common;
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
    public List<(long Fid, Estate Estate, string? CommuneSource, string? QpvSource)> Estates(string? departement = null) =>
        Read("estates", ProjectLayerRows.EstateColumns, r => ProjectLayerRows.Estate(r, Geometry),
            departement is null ? "" : $" WHERE {PgSchema.DepartementColumn} = @d", ("d", departement));

    /// <summary>What a new spatial join needs: fid, geometry, effective and source codes.</summary>
    public List<(long Fid, Geometry Geometry, string? Commune, string? Qpv, string? CommuneSource, string? QpvSource)> EstatesForJoin() =>
        Read("estates", ProjectLayerRows.EstateJoinColumns, r =>
        {
            var (fid, estate, communeSource, qpvSource) = ProjectLayerRows.EstateForJoin(r, Geometry);
            return (fid, estate.Geometry, estate.CommuneCode, estate.QpvCode, communeSource, qpvSource);
        }, "");

    public List<Agency> Agencies(string where = "", params (string, object?)[] parameters) =>
        Read("agencies", ProjectLayerRows.AgencyColumns, r => ProjectLayerRows.Agency(r, Geometry), where, parameters);

    public List<Commune> Communes(string where = "", params (string, object?)[] parameters) =>
        Read("communes", ProjectLayerRows.CommuneColumns, r => ProjectLayerRows.Commune(r, Geometry), where, parameters);

    public List<PriorityDistrict> Districts(string where = "", params (string, object?)[] parameters) =>
        Read("qpv", ProjectLayerRows.DistrictColumns, r => ProjectLayerRows.District(r, Geometry), where, parameters);

    public List<Candidate> Candidates() =>
        Read("candidates", ProjectLayerRows.CandidateColumns, r => ProjectLayerRows.Candidate(r, Geometry), "");

    private List<T> Read<T>(string table, string columns, Func<DbDataReader, T> map, string where, params (string Name, object? Value)[] parameters)
    {
        var list = new List<T>();
        foreach (var r in Rows(table, columns, where, parameters))
            list.Add(map(r));
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

    private static Geometry Geometry(DbDataReader r, int i) =>
        r.IsDBNull(i) ? Empty.CreateGeometryCollection() : r.GetFieldValue<Geometry>(i);

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
