using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.IO.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.IO.Layers;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Store.Tests.GeoPackage;

public sealed class GeoPackageLayerWriterTests
{
    private static readonly LayerDefinition Isochrones = new("isochrones", "POLYGON", Lambert93,
    [
        new("agency_id", ColumnType.Text, true), new("minutes", ColumnType.Integer),
        new("area_km2", ColumnType.Real), new("estimated", ColumnType.Boolean),
        new("computed_at", ColumnType.DateTime),
    ]);

    private static readonly LayerDefinition Report = LayerDefinition.Attributes("import_report",
        [new("file", ColumnType.Text), new("row", ColumnType.Integer), new("reason", ColumnType.Text)]);

    [Fact]
    public void WriteLayer_ResultLayer_RegistersFeaturesWithExtentRtreeAndValues()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);

        var written = store.WriteLayer(Isochrones, append: false, w =>
        {
            w.Write(G("POLYGON ((0 0, 10 0, 10 5, 0 5, 0 0))"), "AG-1", 15, 0.5, true, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
            w.Write(G("POLYGON ((-3 1, 2 1, 2 8, -3 8, -3 1))"), "AG-2", null, null, false, null);
        });

        Assert.Equal(2, written);
        var info = store.Inspect().Single(l => l.Name == "isochrones");
        Assert.Equal([-3d, 0d, 10d, 8d], info.Extent);
        Assert.Equal("POLYGON", info.GeometryType);
        Assert.Equal(2L, Scalar(tmp.Path, "SELECT count(*) FROM rtree_isochrones_geom"));
        Assert.Equal("gpkg_rtree_index", Scalar(tmp.Path, "SELECT extension_name FROM gpkg_extensions WHERE table_name = 'isochrones'"));
        var rows = store.ReadAttributes("isochrones");
        Assert.Equal("AG-1", rows[0]["agency_id"]);
        Assert.Equal(15L, rows[0]["minutes"]);
        Assert.Equal(1L, rows[0]["estimated"]);
        Assert.Equal("2026-01-02T03:04:05.000Z", rows[0]["computed_at"]);
        Assert.Null(rows[1]["minutes"]);
    }

    [Fact]
    public void WriteLayer_AttributeTable_RegisteredAsAttributesAndReadable()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);

        store.WriteLayer(Report, append: false, w => w.Write(null, "rpls.csv", 12, "dwellings: «abc» is not a number"));
        store.WriteLayer(Report, append: true, w => w.Write(null, "rpls.csv", 13, "geometry missing"));

        Assert.Equal("attributes", Scalar(tmp.Path, "SELECT data_type FROM gpkg_contents WHERE table_name = 'import_report'"));
        Assert.Equal(0L, Scalar(tmp.Path, "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = 'import_report'"));
        var rows = store.ReadAttributes("import_report");
        Assert.Equal([12L, 13L], rows.Select(r => r["row"]));
        Assert.Equal("dwellings: «abc» is not a number", rows[0]["reason"]);
    }

    [Fact]
    public void WriteLayer_Append_GrowsExtent()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);
        store.WriteLayer(Isochrones, false, w => w.Write(G("POLYGON ((0 0, 1 0, 1 1, 0 0))"), "a", 1, 1.0, false, null));

        store.WriteLayer(Isochrones, true, w => w.Write(G("POLYGON ((5 5, 6 5, 6 7, 5 5))"), "b", 1, 1.0, false, null));

        var info = store.Inspect().Single(l => l.Name == "isochrones");
        Assert.Equal(2, info.Count);
        Assert.Equal([0d, 0d, 6d, 7d], info.Extent);
    }

    [Fact]
    public void WriteLayer_FillThrows_RollsBackEverything()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);
        store.WriteLayer(Isochrones, false, w => w.Write(G("POLYGON ((0 0, 1 0, 1 1, 0 0))"), "keep", 1, 1.0, false, null));

        Assert.Throws<InvalidOperationException>(() => store.WriteLayer(Isochrones, false, w =>
        {
            w.Write(G("POLYGON ((0 0, 9 0, 9 9, 0 0))"), "lost", 1, 1.0, false, null);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(["keep"], store.ReadAttributes("isochrones").Select(r => r["agency_id"]));
        Assert.Equal([0d, 0d, 1d, 1d], store.Inspect().Single(l => l.Name == "isochrones").Extent);
    }

    [Fact]
    public void Write_RowsBeyondOneBatch_FidsGivenAtOnceAreTheStoredOnesAndAppendGoesOnPastDeletedRows()
    {
        using var tmp = new TempGpkg();
        var fids = new List<long>();
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
            store.WriteLayer(Isochrones, false, w =>
            {
                for (var i = 0; i < 101; i++)
                    fids.Add(w.Write(G($"POLYGON (({i} 0, {i + 1} 0, {i + 1} 1, {i} 0))"), "a" + i, i, i / 2.0, i % 2 == 0, null));
            });
        using (var c = Sql(tmp.Path))
        using (var cmd = c.CreateCommand())
        {
            // The last rows deleted outside: AUTOINCREMENT never gives their fids again.
            cmd.CommandText = "DELETE FROM isochrones WHERE fid > 99";
            cmd.ExecuteNonQuery();
        }
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
            store.WriteLayer(Isochrones, true, w => fids.Add(w.Write(G("POLYGON ((0 5, 1 5, 1 6, 0 5))"), "b", 1, 1.0, false, null)));

        Assert.Equal([.. Enumerable.Range(1, 101).Select(i => (long)i), 102L], fids);
        using var check = Sql(tmp.Path);
        using var q = check.CreateCommand();
        q.CommandText = "SELECT fid, agency_id, minutes FROM isochrones ORDER BY fid";
        using var r = q.ExecuteReader();
        var rows = new List<(long, string, long)>();
        while (r.Read())
            rows.Add((r.GetInt64(0), r.GetString(1), r.GetInt64(2)));
        Assert.Equal([.. Enumerable.Range(0, 99).Select(i => ((long)i + 1, "a" + i, (long)i)), (102L, "b", 1L)], rows);
        Assert.Equal(100L, Scalar(tmp.Path, "SELECT count(*) FROM rtree_isochrones_geom"));
    }

    [Fact]
    public void WriteLayer_RowRefusedInTheLastBatch_FailsAndRollsBack()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);
        store.WriteLayer(Isochrones, false, w => w.Write(G("POLYGON ((0 0, 1 0, 1 1, 0 0))"), "keep", 1, 1.0, false, null));

        // agency_id is NOT NULL: the row is refused when its batch is written, at the latest when the layer completes.
        Assert.ThrowsAny<Exception>(() => store.WriteLayer(Isochrones, false, w =>
        {
            w.Write(G("POLYGON ((0 0, 9 0, 9 9, 0 0))"), "lost", 1, 1.0, false, null);
            w.Write(G("POLYGON ((0 0, 9 0, 9 9, 0 0))"), null, 1, 1.0, false, null);
        }));

        Assert.Equal(["keep"], store.ReadAttributes("isochrones").Select(r => r["agency_id"]));
    }

    [Fact]
    public void WriteLayer_ProjectTableName_Throws()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);

        Assert.Throws<ArgumentException>(() => store.WriteLayer(Isochrones with { Name = "estates" }, false, _ => { }));
    }

    [Fact]
    public void Write_WrongNumberOfValues_Throws()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);

        Assert.Throws<ArgumentException>(() => store.WriteLayer(Isochrones, false, w => w.Write(G("POINT (0 0)"), "only one")));
    }

    [Fact]
    public void RtreeTriggers_GeometryUpdatedThroughSql_IndexFollows()
    {
        using var tmp = new TempGpkg();
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
            store.ImportLayer(Estates([Estate("a", "POINT (1 1)"), Estate("b", "POINT (2 2)")]));

        using var c = Sql(tmp.Path);
        GeoPackageBlob.RegisterSqlFunctions(c);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "UPDATE estates SET geom = $g WHERE id = 'a'; DELETE FROM estates WHERE id = 'b';";
            cmd.Parameters.AddWithValue("$g", GeoPackageBlob.WritePoint(50, 60, Lambert93));
            cmd.ExecuteNonQuery();
        }

        using var q = c.CreateCommand();
        q.CommandText = "SELECT count(*), min(minx), max(maxy) FROM rtree_estates_geom";
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(1L, r.GetInt64(0));
        Assert.Equal(50d, r.GetDouble(1), 3);
        Assert.Equal(60d, r.GetDouble(2), 3);
    }

    [Fact]
    public void Blob_PointAndPolygon_DecodeWithNtsReaderAndLayerSrid()
    {
        var blob = new GeoPackageBlob();
        var polygon = new WKTReader().Read("POLYGON ((0 0, 1 0, 1 1, 0 0))");
        polygon.SRID = 4326;

        var point = new GeoPackageGeoReader { HandleSRID = true }.Read(blob.Write(new Point(846752.83, 6512578.2), Lambert93));
        var poly = new GeoPackageGeoReader { HandleSRID = true }.Read(blob.Write(polygon, Lambert93));

        Assert.Equal(new Coordinate(846752.83, 6512578.2), point.Coordinate);
        Assert.Equal(Lambert93, point.SRID);
        Assert.Equal(Lambert93, poly.SRID);
        Assert.True(polygon.EqualsExact(poly));
        Assert.Equal(4326, polygon.SRID);
    }
}
