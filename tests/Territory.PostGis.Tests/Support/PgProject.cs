using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.TestSupport;

namespace Territory.PostGis.Tests.Support;

/// <summary>A fresh schema on the test PostGIS server, dropped on dispose; WKT helpers and hand-made import results.</summary>
internal sealed class PgProject : IDisposable
{
    private static readonly WKTReader Wkt = new();

    private PgProject(string schema)
    {
        Schema = schema;
        Location = TestPostGis.Location(schema);
    }

    public string Schema { get; }

    public string Location { get; }

    /// <summary>A fresh project, or null when no PostGIS is configured locally (the test returns; under CI it fails).</summary>
    public static PgProject? Create() => TestPostGis.Available() ? new PgProject(TestPostGis.NewSchema()) : null;

    public IProjectStore Open() => ProjectStores.Open(Location);

    public object? Scalar(string sql) => TestPostGis.Scalar(Schema, sql);

    public void Dispose() => TestPostGis.DropSchema(Schema);

    public static Geometry G(string wkt)
    {
        var g = Wkt.Read(wkt);
        g.SRID = 2154;
        return g;
    }

    public static Estate Estate(string id, string wkt, string? commune = null, int dwellings = 10) =>
        new() { Id = id, Geometry = G(wkt), Dwellings = dwellings, CommuneCode = commune };

    public static ImportResult Estates(IReadOnlyList<Estate> estates) => new()
    {
        Kind = LayerKind.Estates, SourcePath = "test.csv", SourceCrs = 2154, TargetCrs = 2154, Read = estates.Count, Estates = estates,
    };

    public static List<Estate> Many(int n, string prefix = "E") =>
        Enumerable.Range(0, n).Select(i => Estate(prefix + i, $"POINT ({650000 + i % 1000} {6800000 + i / 1000})", i % 2 == 0 ? "31555" : "81004", 1 + i % 40)).ToList();
}
