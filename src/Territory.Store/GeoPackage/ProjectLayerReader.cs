using System.Data.Common;
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

    public List<StoredEstate> Estates() => Read("estates", ProjectLayerRows.EstateColumns, r =>
    {
        var (fid, estate, communeSource, qpvSource) = ProjectLayerRows.Estate(r, Geometry);
        return new StoredEstate(fid, estate, communeSource, qpvSource);
    });

    /// <summary>The estates whose feature id lies in [<paramref name="from"/>, <paramref name="to"/>], in feature id order.</summary>
    public List<Estate> Estates(long from, long to)
    {
        var list = new List<Estate>();
        foreach (var r in Rows("estates", ProjectLayerRows.EstateColumns, (from, to)))
            list.Add(ProjectLayerRows.Estate(r, Geometry).Estate);
        return list;
    }

    /// <summary>The smallest and largest feature ids of the estates, or null without any.</summary>
    public (long Min, long Max)? EstateFids()
    {
        if (!GeoPackageSchema.TableExists(connection, transaction, "estates"))
            return null;
        using var cmd = GeoPackageSchema.Command(connection, transaction, "SELECT min(fid), max(fid) FROM estates");
        using var r = cmd.ExecuteReader();
        return r.Read() && !r.IsDBNull(0) ? (r.GetInt64(0), r.GetInt64(1)) : null;
    }

    /// <summary>
    /// What a new spatial join needs, read fast: fid, geometry, effective and source codes (the
    /// other estate fields are left empty).
    /// </summary>
    public List<StoredEstate> EstatesForJoin() => Read("estates", ProjectLayerRows.EstateJoinColumns, r =>
    {
        var (fid, estate, communeSource, qpvSource) = ProjectLayerRows.EstateForJoin(r, Geometry);
        return new StoredEstate(fid, estate, communeSource, qpvSource);
    });

    public List<Agency> Agencies() => Read("agencies", ProjectLayerRows.AgencyColumns, r => ProjectLayerRows.Agency(r, Geometry));

    public List<Commune> Communes() => Read("communes", ProjectLayerRows.CommuneColumns, r => ProjectLayerRows.Commune(r, Geometry));

    public List<PriorityDistrict> Districts() => Read("qpv", ProjectLayerRows.DistrictColumns, r => ProjectLayerRows.District(r, Geometry));

    public List<Candidate> Candidates() => Read("candidates", ProjectLayerRows.CandidateColumns, r => ProjectLayerRows.Candidate(r, Geometry));

    private List<T> Read<T>(string table, string columns, Func<DbDataReader, T> map)
    {
        var list = new List<T>();
        foreach (var r in Rows(table, columns))
            list.Add(map(r));
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

    private IEnumerable<SqliteDataReader> Rows(string table, string columns, (long From, long To)? fids = null)
    {
        if (!GeoPackageSchema.TableExists(connection, transaction, table))
            yield break;
        // Older projects may lack columns added since: they read as NULL.
        var select = TableColumns.Select(connection, transaction, table, columns.Split(',', StringSplitOptions.TrimEntries));
        var where = fids is null ? "" : " WHERE fid BETWEEN $from AND $to";
        using var cmd = GeoPackageSchema.Command(connection, transaction, $"SELECT {select} FROM {GeoPackageSchema.Quote(table)}{where} ORDER BY fid");
        if (fids is { } range)
        {
            cmd.Parameters.AddWithValue("$from", range.From);
            cmd.Parameters.AddWithValue("$to", range.To);
        }
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            yield return reader;
    }

    private Geometry Geometry(DbDataReader r, int i) =>
        r.IsDBNull(i) ? NetTopologySuite.Geometries.GeometryFactory.Default.CreateGeometryCollection() : _blob.Read((byte[])r.GetValue(i));
}
