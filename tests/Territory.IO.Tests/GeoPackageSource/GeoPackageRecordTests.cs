using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Crs;
using Territory.IO.GeoPackage;
using Territory.IO.Import;

namespace Territory.IO.Tests.GeoPackageSource;

public sealed class GeoPackageRecordTests
{
    /// <summary>A one-layer GeoPackage (Lambert-93 points) whose column <c>v</c> has no type: each row keeps its value's storage class.</summary>
    private static string WriteLayer(int rows, Func<int, object?> v, Func<int, string> u)
    {
        var path = Path.Combine(TestData.NewTempDir(), "valeurs.gpkg");
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using (var create = c.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
                CREATE TABLE valeurs (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, v, u TEXT);
                INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('valeurs','features','valeurs',2154);
                INSERT INTO gpkg_geometry_columns VALUES ('valeurs','geom','POINT',2154,0,0);
                """;
            create.ExecuteNonQuery();
        }
        using (var srs = c.CreateCommand())
        {
            srs.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ('RGF93 / Lambert-93', 2154, 'EPSG', 2154, $wkt, NULL)";
            srs.Parameters.AddWithValue("$wkt", CrsRegistry.WktOf(CrsRegistry.Lambert93));
            srs.ExecuteNonQuery();
        }
        var blob = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY }.Write(new GeometryFactory(new PrecisionModel(), 2154).CreatePoint(new Coordinate(574357.2, 6279482.5)));
        using var t = c.BeginTransaction();
        using var insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO valeurs (geom, v, u) VALUES ($g, $v, $u)";
        var g = insert.Parameters.Add("$g", SqliteType.Blob);
        var pv = insert.Parameters.Add("$v", SqliteType.Text);
        var pu = insert.Parameters.Add("$u", SqliteType.Text);
        g.Value = blob;
        for (var i = 0; i < rows; i++)
        {
            var value = v(i) ?? DBNull.Value;
            pv.SqliteType = value switch { long => SqliteType.Integer, double => SqliteType.Real, byte[] => SqliteType.Blob, _ => SqliteType.Text };
            pv.Value = value;
            pu.Value = u(i);
            insert.ExecuteNonQuery();
        }
        t.Commit();
        return path;
    }

    [Fact]
    public void Rows_EachStorageClass_ReadAsTheDataReadersValueWouldBe()
    {
        object?[] values = [42L, 2.5, -0.1, "  12,5 ", "texte", new byte[] { 1, 2 }, null, "", 9007199254740993L];
        var path = WriteLayer(values.Length, i => values[i], i => "u" + i);
        using var reader = new GeoPackageLayerReader(path, null);
        Assert.Equal(["fid", "v", "u"], reader.Columns);
        var i = 0;
        foreach (var row in reader.Rows(CancellationToken.None))
        {
            var expected = new FeatureRecord();
            expected.Set(i + 1, null, [(long)(i + 1), values[i], "u" + i]);
            Assert.Equal(i + 1, row.Row);
            Assert.IsType<Point>(row.Geometry);
            for (var column = 0; column <= 3; column++)
            {
                Assert.Equal(expected.GetString(column), row.GetString(column));
                Assert.Equal(expected.TryGetDouble(column, out var a, out var ap), row.TryGetDouble(column, out var b, out var bp));
                Assert.Equal(ap, bp);
                Assert.Equal(a, b);
            }
            i++;
        }
        Assert.Equal(values.Length, i);
    }

    [Fact]
    public void Rows_RepeatedAndUniqueTexts_EveryValueAsWritten()
    {
        const int rows = 12_000;
        var path = WriteLayer(rows, i => $"Bailleur n° {i % 37}", i => $"PRG-{i:D6}-é");
        using var reader = new GeoPackageLayerReader(path, null);
        var i = 0;
        var instances = new HashSet<string>(ReferenceEqualityComparer.Instance);
        foreach (var row in reader.Rows(CancellationToken.None))
        {
            var landlord = row.GetString(1)!;
            Assert.Equal($"Bailleur n° {i % 37}", landlord);
            Assert.Equal($"PRG-{i:D6}-é", row.GetString(2));
            instances.Add(landlord);
            i++;
        }
        Assert.Equal(rows, i);
        // Repeated values are shared (a value is made again only when another one took its place in the cache).
        Assert.True(instances.Count < rows / 10, $"{instances.Count} strings for 37 values");
    }
}
