using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>WKT helpers, hand-made import results and a temporary GeoPackage path.</summary>
internal static class StoreTestData
{
    public const int Lambert93 = 2154;
    private static readonly WKTReader Wkt = new();

    public static Geometry G(string wkt)
    {
        var g = Wkt.Read(wkt);
        g.SRID = Lambert93;
        return g;
    }

    public static Estate Estate(string id, string wkt, string? commune = null, string? qpv = null, int dwellings = 10) =>
        new() { Id = id, Geometry = G(wkt), Dwellings = dwellings, CommuneCode = commune, QpvCode = qpv };

    // Communes 69001 (x 0–1000) and 69002 (x 1000–2000); QPV inside 69001.
    public static readonly Commune[] Communes =
    [
        new() { Code = "69001", Name = "Un", Population = 1200, AreaKm2 = 1.0, DensityLevel = 1, Geometry = G("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))") },
        new() { Code = "69002", Name = "Deux", Geometry = G("POLYGON ((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))") },
    ];

    public static readonly PriorityDistrict[] Districts =
    [
        new() { Code = "QN06901M", Name = "Les Tours", CommuneCode = "69001", Geometry = G("POLYGON ((100 100, 400 100, 400 400, 100 400, 100 100))") },
    ];

    public static ImportResult Result(LayerKind kind, int crs = Lambert93) => new()
    {
        Kind = kind, SourcePath = "test." + kind, SourceCrs = crs, TargetCrs = crs, Read = 0,
    };

    public static ImportResult Estates(IReadOnlyList<Estate> estates, int crs = Lambert93) =>
        Result(LayerKind.Estates, crs) with { Estates = estates, Read = estates.Count };

    public static ImportResult CommunesResult(IReadOnlyList<Commune> communes) =>
        Result(LayerKind.Communes) with { Communes = communes, Read = communes.Count };

    public static ImportResult DistrictsResult(IReadOnlyList<PriorityDistrict> districts) =>
        Result(LayerKind.Qpv) with { Districts = districts, Read = districts.Count };

    public static List<Estate> ManyPoints(int n, string prefix = "E") =>
        Enumerable.Range(0, n).Select(i => new Estate
        {
            Id = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Geometry = new Point(10 + i % 1900, 10 + i % 977) { SRID = Lambert93 },
            Dwellings = 1 + i % 50,
        }).ToList();

    /// <summary>A fresh SQL connection on the file, for checks the store API does not expose.</summary>
    public static SqliteConnection Sql(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    public static object? Scalar(string path, string sql)
    {
        using var c = Sql(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}

/// <summary>The store's import as the tests use it: replace (shrinking allowed) or append, no version check.</summary>
internal static class StoreImportExtensions
{
    public static LayerWriteOutcome ImportLayer(this IProjectStore store, Territory.IO.Import.ImportResult result, bool append = false, CancellationToken ct = default) =>
        store.ImportLayer(result, new LayerWriteOptions { Append = append, AllowShrink = true }, ct);
}
