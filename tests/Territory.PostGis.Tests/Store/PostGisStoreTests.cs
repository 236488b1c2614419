using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Layers;
using Territory.PostGis.Store;
using Territory.PostGis.Tests.Support;
using Territory.Routing.Algorithms;
using Territory.Routing.Graph;
using Territory.Store;
using static Territory.PostGis.Tests.Support.PgProject;

namespace Territory.PostGis.Tests.Store;

/// <summary>What only the PostGIS store has: typed geometry columns, GiST indexes, partitions by département, identifiers checked, the graph in the schema.</summary>
public sealed class PostGisStoreTests
{
    [Fact]
    public void ImportLayer_TypedGeometryColumnsInTheWorkingCrsWithGistIndexes()
    {
        using var p = Create();
        if (p is null)
            return;
        using var store = p.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (650000 6800000)", "31555"), Estate("b", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")]), LayerWriteOptions.Replace);
        store.ImportLayer(new Territory.IO.Import.ImportResult
        {
            Kind = LayerKind.Agencies, SourcePath = "a.csv", SourceCrs = 2154, TargetCrs = 2154, Read = 1,
            Agencies = [new Agency { Id = "AG", Location = (NetTopologySuite.Geometries.Point)G("POINT (1 1)") }],
        }, LayerWriteOptions.Replace);

        Assert.Equal("GEOMETRY 2154", p.Scalar($"SELECT type || ' ' || srid FROM geometry_columns WHERE f_table_schema = '{p.Schema}' AND f_table_name = 'estates'"));
        Assert.Equal("POINT 2154", p.Scalar($"SELECT type || ' ' || srid FROM geometry_columns WHERE f_table_schema = '{p.Schema}' AND f_table_name = 'agencies'"));
        foreach (var table in new[] { "estates", "estates_d_31", "estates_d_default", "agencies" })
            Assert.True(GistIndexes(p, table) == 1, $"{table}: GiST index");
    }

    [Fact]
    public void ImportLayer_EstatesPartitionedByDepartement_QueriesOnOneDepartementReadOnePartition()
    {
        using var p = Create();
        if (p is null)
            return;
        using var store = (PostGisProjectStore)p.Open();
        store.ImportLayer(Estates([Estate("t", "POINT (1 1)", "31555"), Estate("a", "POINT (2 2)", "81004"), Estate("c", "POINT (3 3)", "2A004"), Estate("x", "POINT (4 4)")]), LayerWriteOptions.Replace);

        Assert.Equal("l", p.Scalar($"SELECT partstrat::text FROM pg_partitioned_table WHERE partrelid = '{p.Schema}.estates'::regclass"));
        Assert.Equal(4L, p.Scalar($"SELECT count(*) FROM pg_inherits WHERE inhparent = '{p.Schema}.estates'::regclass"));
        Assert.Equal(1L, p.Scalar("SELECT count(*) FROM estates_d_2a"));
        Assert.Equal(1L, p.Scalar("SELECT count(*) FROM estates_d_default"));
        Assert.Equal(["t"], store.ReadEstates("31").Select(e => e.Id));
        var plan = string.Join("\n", Plan(p, "SELECT * FROM estates WHERE departement = '31'"));
        Assert.Contains("estates_d_31", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("estates_d_81", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("estates_d_default", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportLayer_CommunesMoveEstatesToTheirDepartementPartition()
    {
        using var p = Create();
        if (p is null)
            return;
        using var store = p.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (500 500)")]), LayerWriteOptions.Replace);
        Assert.Equal(1L, p.Scalar("SELECT count(*) FROM estates_d_default"));
        store.ImportLayer(new Territory.IO.Import.ImportResult
        {
            Kind = LayerKind.Communes, SourcePath = "c.geojson", SourceCrs = 2154, TargetCrs = 2154, Read = 1,
            Communes = [new Commune { Code = "31555", Name = "Toulouse", Geometry = G("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))") }],
        }, LayerWriteOptions.Replace);

        Assert.Equal("31555", Assert.Single(store.ReadEstates()).CommuneCode);
        Assert.Equal(1L, p.Scalar("SELECT count(*) FROM estates_d_31"));
        Assert.Equal(0L, p.Scalar("SELECT count(*) FROM estates_d_default"));
    }

    [Theory]
    [InlineData("layer", "x\"; DROP TABLE estates; --", "id")]
    [InlineData("layer with space", "result layer", "id")]
    [InlineData("field", "results", "id\" text); DROP TABLE estates; --")]
    [InlineData("upper-case field", "results", "Id")]
    public void WriteLayer_HostileNames_RefusedAndNothingChanged(string because, string table, string column)
    {
        using var p = Create();
        if (p is null)
            return;
        using var store = p.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)", "31555")]), LayerWriteOptions.Replace);
        var tables = p.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{p.Schema}'");

        var error = Assert.Throws<ReasonException>(() =>
            store.WriteLayer(LayerDefinition.Attributes(table, [new LayerColumn(column, ColumnType.Text)]), false, w => w.Write(null, "v")));

        Assert.True(error.Reason.Code == "postgis_identifier_invalid", because);
        Assert.Equal(tables, p.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{p.Schema}'"));
        Assert.Equal("a", Assert.Single(store.ReadEstates()).Id);
    }

    [Fact]
    public void WriteLayer_ValuesWithQuotesAndSemicolons_StoredAsGiven()
    {
        using var p = Create();
        if (p is null)
            return;
        using var store = p.Open();
        const string hostile = "x'); DROP TABLE territory_project; --";
        store.WriteLayer(LayerDefinition.Attributes("notes", [new LayerColumn("text", ColumnType.Text)]), false, w => w.Write(null, hostile));
        Assert.Equal(hostile, store.ReadFeatures("notes")[0].Attributes["text"]);
        Assert.Equal(0, store.DataVersion);
    }

    [Fact]
    public void Location_PasswordInUri_NeverShown()
    {
        using var p = Create();
        if (p is null)
            return;
        var withPassword = p.Location.Replace("://postgres@", "://postgres:tres-secret@", StringComparison.Ordinal);
        using var store = ProjectStores.Open(withPassword);
        Assert.DoesNotContain("tres-secret", store.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("tres-secret", ProjectStores.Display(withPassword), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnreachableServer_ReasonNamingTheLocation()
    {
        var error = Assert.Throws<StoreFailureException>(() => ProjectStores.Open("postgresql://nobody:pw@127.0.0.1:1/nothing?schema=p"));
        Assert.Equal(StoreFailureKind.CannotOpen, error.Kind);
        Assert.Equal("postgis_cannot_connect", error.Reason.Code);
        Assert.DoesNotContain(":pw@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveRoadGraph_LoadsBackTheSameGraphAndHierarchy()
    {
        using var p = Create();
        if (p is null)
            return;
        using var store = p.Open();
        Assert.Null(store.LoadRoadGraph());
        var graph = Territory.Routing.Osm.OsmRoadGraphLoader.Load(Repo.Demo("habitat-demo.osm.pbf")).Graph;
        graph.AttachHierarchy(ContractionHierarchy.Build(graph));
        store.SaveRoadGraph(graph);

        using var reopened = p.Open();
        var back = reopened.LoadRoadGraph()!;

        Assert.Equal(Bytes(graph.Save), Bytes(back.Save));
        Assert.NotNull(back.Hierarchy);
        Assert.Equal(Bytes(graph.Hierarchy!.Save), Bytes(back.Hierarchy!.Save));
        Assert.Contains("territory_files", store.RoadGraphLocation, StringComparison.Ordinal);
    }

    private static byte[] Bytes(Action<Stream> save)
    {
        using var m = new MemoryStream();
        save(m);
        return m.ToArray();
    }

    private static long GistIndexes(PgProject p, string table) => (long)p.Scalar($"""
        SELECT count(*) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am a ON a.oid = x.relam
        JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = '{p.Schema}' AND t.relname = '{table}' AND a.amname = 'gist'
        """)!;

    private static List<string> Plan(PgProject p, string sql)
    {
        using var c = Territory.TestSupport.TestPostGis.Connect(p.Schema);
        using var cmd = new Npgsql.NpgsqlCommand("EXPLAIN " + sql, c);
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read())
            lines.Add(r.GetString(0));
        return lines;
    }
}
