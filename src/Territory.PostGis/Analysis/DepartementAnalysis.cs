using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Territory.Core.Analysis;
using Territory.Core.Presence;
using Territory.Core.Typology;
using Territory.PostGis.Connection;
using Territory.PostGis.Store;
using Territory.Routing.Review;

namespace Territory.PostGis.Analysis;

/// <summary>Analyses a national project département by département, in parallel, recomputing only the départements whose inputs changed.</summary>
/// <remarks>
/// <para><b>Input key per département.</b> PostgreSQL hashes, in one grouped query per layer, the rows each
/// département's analysis reads: its estates (one partition each: <c>GROUP BY departement</c> over the
/// partitioned table), its communes and QPV (by the département of their INSEE code) and the agencies it
/// uses (located there or managing one of its estates). With the configuration and the road graph's
/// fingerprint they make the key stored with the result (<c>territory_results</c>, one row
/// <c>analysis:departement:CODE</c> per département). A département whose key is unchanged is not recomputed.</para>
/// <para><b>Planned sites.</b> The presence plan's sites hook (a stored site plan's new sites, as <c>analyse</c> takes
/// them) is given to each département's analysis restricted to its own estates, and that restriction is part of its key:
/// a site plan stored or replaced recomputes the départements whose sites changed, and only those.</para>
/// <para><b>Parallel.</b> Each worker opens its own connection and reads one département at a time with
/// <c>WHERE departement = $1</c>: the planner prunes every other partition.</para>
/// </remarks>
public static class DepartementAnalysis
{
    /// <summary>Name prefix of the stored per-département results.</summary>
    public const string ResultPrefix = "analysis:departement:";

    /// <summary>The département of an INSEE code column, in SQL: the same rule as the estates' partition key.</summary>
    internal static string DepartementOf(string column) =>
        $"(CASE WHEN {column} ~ '^9[78][0-9]{{3}}$' THEN left({column}, 3) WHEN {column} ~ '^(2[AaBb]|[0-9]{{2}})[0-9]{{3}}$' THEN lower(left({column}, 2)) ELSE '' END)";

    /// <summary>Runs the analysis of every département of the project at <paramref name="location"/> whose inputs changed.</summary>
    /// <param name="location">A PostgreSQL project location.</param>
    /// <param name="config">Typology thresholds.</param>
    /// <param name="parallelism">Départements analysed at once (defaults to the processor count).</param>
    /// <param name="progress">Share of départements done.</param>
    /// <param name="ct">Stops between départements (results already stored stay).</param>
    /// <param name="sites">The located sites of the presence plan (the project's site plan, as <c>analyse</c> reads it), or null.</param>
    public static IReadOnlyList<DepartementRun> Run(string location, TypologyConfig config, int? parallelism = null, IProgress<double>? progress = null,
        CancellationToken ct = default, IReadOnlyList<SitePlacement>? sites = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var pg = PgLocation.Parse(location);
        Dictionary<string, string> keys;
        IReadOnlyDictionary<string, string> stored;
        Routing.Graph.RoadGraph? graph;
        int crs;
        Dictionary<string, IReadOnlyList<SitePlacement>> sitesBy;
        using (var store = PostGisProjectStore.Open(pg))
        {
            crs = store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93;
            sitesBy = SitesByDepartement(store.SchemaAccess, sites);
            keys = InputKeys(store.SchemaAccess, config, sitesBy);
            stored = store.ResultKeys(ResultPrefix);
            graph = store.LoadRoadGraph();
        }
        var runs = new ConcurrentBag<DepartementRun>();
        var done = 0;
        var changed = keys.Where(k => !(stored.TryGetValue(ResultPrefix + k.Key, out var s) && s == k.Value)).Select(k => k.Key).ToList();
        foreach (var (departement, key) in keys.Where(k => !changed.Contains(k.Key)))
            runs.Add(Reused(pg, departement, key));
        Parallel.ForEach(
            changed.OrderByDescending(d => d, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount, CancellationToken = ct },
            () => PostGisProjectStore.Open(pg),
            (departement, _, store) =>
            {
                runs.Add(Analyse(store, departement, keys[departement], crs, config, graph, sitesBy.GetValueOrDefault(departement), ct));
                progress?.Report((double)Interlocked.Increment(ref done) / changed.Count);
                return store;
            },
            store => store.Dispose());
        return runs.OrderBy(r => r.Departement, StringComparer.Ordinal).ToList();
    }

    private static DepartementRun Analyse(PostGisProjectStore store, string departement, string key, int crs, TypologyConfig config, Routing.Graph.RoadGraph? graph,
        IReadOnlyList<SitePlacement>? sites, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var reader = new PgProjectReader(store.SchemaAccess);
        var estates = store.ReadEstates(departement);
        var agencies = reader.Agencies($" WHERE {DepartementOf("commune_code")} = @d OR id IN (SELECT agency_id FROM {store.SchemaAccess.Q("estates")} WHERE departement = @d)", ("d", departement));
        var communes = reader.Communes($" WHERE {DepartementOf("code")} = @d", ("d", departement));
        var districts = reader.Districts($" WHERE {DepartementOf("commune_code")} = @d", ("d", departement));
        IReadOnlyDictionary<string, Core.Model.EstateAccess>? access = null;
        if (agencies.Count > 0 && estates.Count > 0)
        {
            var review = AgencyTravelReview.Compute(estates, agencies, crs, graph, null, null, ct);
            access = review.Access.ToDictionary(a => a.EstateId, StringComparer.Ordinal);
        }
        var data = new Territory.Store.ProjectData(crs, estates, agencies, communes, districts);
        var result = TerritoryAnalysis.Run(data.ToAnalysisInput(access) with { Sites = sites }, config, ct);
        var run = new DepartementRun(departement, false, key, estates.Count, estates.Sum(e => (long)e.Dwellings), result.Territories.Count,
            result.Types.ToDictionary(t => t.Type.Code(), t => t.Territories, StringComparer.Ordinal), result.Ensembles.Count, result.TravelEstimated,
            Math.Round(clock.Elapsed.TotalSeconds, 3));
        store.WriteResult(ResultPrefix + departement, key, JsonSerializer.SerializeToUtf8Bytes(run));
        return run;
    }

    private static DepartementRun Reused(PgLocation location, string departement, string key)
    {
        using var store = PostGisProjectStore.Open(location);
        var stored = store.ReadResult(ResultPrefix + departement)!;
        return JsonSerializer.Deserialize<DepartementRun>(stored.Payload)! with { Reused = true, Seconds = 0 };
    }

    /// <summary>The input key of every département that has estates.</summary>
    private static Dictionary<string, string> InputKeys(PgSchema schema, TypologyConfig config, Dictionary<string, IReadOnlyList<SitePlacement>> sites)
    {
        var estates = Hashes(schema, $"""
            SELECT departement, md5(string_agg(concat_ws('|', id, name, landlord, dwellings, housing, construction_year, commune_code, qpv_code, agency_id,
                   commune_code_source, qpv_code_source, encode(ST_AsBinary(geom), 'hex')), E'\n' ORDER BY fid))
            FROM {schema.Q("estates")} GROUP BY departement
            """);
        var communes = schema.TableExists("communes") ? Hashes(schema, $"""
            SELECT {DepartementOf("code")}, md5(string_agg(concat_ws('|', code, name, population, area_km2, density_level, encode(ST_AsBinary(geom), 'hex')), E'\n' ORDER BY code))
            FROM {schema.Q("communes")} GROUP BY 1
            """) : [];
        var districts = schema.TableExists("qpv") ? Hashes(schema, $"""
            SELECT {DepartementOf("commune_code")}, md5(string_agg(concat_ws('|', code, name, commune_code, encode(ST_AsBinary(geom), 'hex')), E'\n' ORDER BY code))
            FROM {schema.Q("qpv")} GROUP BY 1
            """) : [];
        var agencies = schema.TableExists("agencies") ? Hashes(schema, $"""
            SELECT u.departement, md5(string_agg(concat_ws('|', a.id, a.name, a.kind, a.landlord, a.staff, a.site_staff, a.accueil_physique, a.accueil_rendez_vous,
                   a.accueil_pied_immeuble, a.perimeter_model, a.commune_code, encode(ST_AsBinary(a.geom), 'hex')), E'\n' ORDER BY a.id, a.fid))
            FROM (SELECT DISTINCT departement, agency_id FROM {schema.Q("estates")} WHERE agency_id IS NOT NULL
                  UNION SELECT {DepartementOf("commune_code")}, id FROM {schema.Q("agencies")}) u
            JOIN {schema.Q("agencies")} a ON a.id = u.agency_id GROUP BY u.departement
            """) : [];
        var graph = schema.Scalar($"SELECT md5(string_agg(md5(data), '' ORDER BY name, part)) FROM {schema.Q(PgSchema.Files)}") as string ?? "";
        var shared = JsonSerializer.Serialize(config) + "|" + graph;
        return estates.ToDictionary(e => e.Key, e =>
        {
            var text = string.Join("|", e.Value, communes.GetValueOrDefault(e.Key, ""), districts.GetValueOrDefault(e.Key, ""), agencies.GetValueOrDefault(e.Key, ""), shared,
                sites.TryGetValue(e.Key, out var s) ? JsonSerializer.Serialize(s) : "none");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }, StringComparer.Ordinal);
    }

    /// <summary>Each département's share of the located sites: a site goes to every département holding estates it serves, with those estates only.</summary>
    private static Dictionary<string, IReadOnlyList<SitePlacement>> SitesByDepartement(PgSchema schema, IReadOnlyList<SitePlacement>? sites)
    {
        var result = new Dictionary<string, IReadOnlyList<SitePlacement>>(StringComparer.Ordinal);
        if (sites is null || sites.Count == 0)
            return result;
        var ids = sites.SelectMany(s => s.EstateIds).Distinct(StringComparer.Ordinal).ToArray();
        var departementOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = schema.Command($"SELECT id, departement FROM {schema.Q("estates")} WHERE id = ANY(@ids)", ("ids", ids)))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                departementOf[r.GetString(0)] = r.GetString(1);
        foreach (var group in sites
            .SelectMany(s => s.EstateIds.Where(departementOf.ContainsKey).Select(id => (Departement: departementOf[id], Site: s, Estate: id)))
            .GroupBy(x => x.Departement, StringComparer.Ordinal))
        {
            result[group.Key] = group.GroupBy(x => x.Site).Select(g => g.Key with { EstateIds = g.Select(x => x.Estate).ToList() }).ToList();
        }
        return result;
    }

    private static Dictionary<string, string> Hashes(PgSchema schema, string sql)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = schema.Command(sql);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            hashes[r.GetString(0)] = r.IsDBNull(1) ? "" : r.GetString(1);
        return hashes;
    }
}
