using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.GeoPackageSource;

public sealed class GeoPackageSourceTests
{
    /// <summary>A foreign GeoPackage with two layers: estates (Lambert-93 points) and agencies (WGS 84 points).</summary>
    private static string WriteTwoLayers()
    {
        var path = Path.Combine(TestData.NewTempDir(), "patrimoine.gpkg");
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        Exec(c, """
            PRAGMA application_id = 1196444487;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            CREATE TABLE residences (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, code_groupe TEXT, nb_logements INTEGER, bailleur TEXT);
            CREATE TABLE agences (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, nom TEXT, type TEXT, collaborateurs INTEGER, gardiens INTEGER);
            INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('residences','features','residences',2154), ('agences','features','agences',4326);
            INSERT INTO gpkg_geometry_columns VALUES ('residences','geom','POINT',2154,0,0), ('agences','geom','POINT',4326,0,0);
            """);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($n, $id, 'EPSG', $id, $wkt, NULL)";
            foreach (var id in new[] { 2154, 4326 })
            {
                cmd.Parameters.Clear();
                cmd.Parameters.AddWithValue("$n", CrsRegistry.NameOf(id));
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$wkt", CrsRegistry.WktOf(id));
                cmd.ExecuteNonQuery();
            }
        }
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        var l93 = new GeometryFactory(new PrecisionModel(), 2154);
        var wgs = new GeometryFactory(new PrecisionModel(), 4326);
        void Insert(string sql, Point p, params object[] values)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$g", writer.Write(p));
            for (var i = 0; i < values.Length; i++)
                cmd.Parameters.AddWithValue("$v" + i, values[i]);
            cmd.ExecuteNonQuery();
        }
        Insert("INSERT INTO residences (geom, code_groupe, nb_logements, bailleur) VALUES ($g, $v0, $v1, $v2)", l93.CreatePoint(new Coordinate(574357.2, 6279482.5)), "G1", 80, "Les Chalets");
        Insert("INSERT INTO residences (geom, code_groupe, nb_logements, bailleur) VALUES ($g, $v0, $v1, $v2)", l93.CreatePoint(new Coordinate(575000, 6280000)), "G2", 0, "Les Chalets");
        Insert("INSERT INTO agences (geom, nom, type, collaborateurs, gardiens) VALUES ($g, $v0, $v1, $v2, $v3)", wgs.CreatePoint(new Coordinate(1.4442, 43.6047)), "Agence Centre", "agence", 18, 6);
        return path;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Import_TwoLayersNoneChosen_ThrowsListingLayers()
    {
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(WriteTwoLayers(), LayerKind.Estates, new ImportOptions()));
        Assert.Equal("patrimoine.gpkg : plusieurs couches d'entités (agences, residences) ; choisissez la couche à importer (option --layer, ou liste de la carte).", e.Message);
    }

    [Fact]
    public void Import_LayerChosen_ReadsEstatesInLambert93()
    {
        var r = LayerImporter.Import(WriteTwoLayers(), LayerKind.Estates, new ImportOptions { LayerName = "residences" });

        ImportAssert.Balanced(r);
        Assert.Equal(2, r.Read);
        Assert.Equal(CrsRegistry.Lambert93, r.SourceCrs);
        var e = Assert.Single(r.Estates);
        Assert.Equal("G1", e.Id);
        Assert.Equal(574357.2, ((Point)e.Geometry).X, 1e-6);
        Assert.Contains(r.Issues, i => i.Row == 2 && i.Field == TargetFields.Dwellings && i.Severity == ImportIssueSeverity.Rejected);
    }

    [Fact]
    public void Import_AgencyLayer_ReadsWgs84AndStaff()
    {
        var r = LayerImporter.Import(WriteTwoLayers(), LayerKind.Agencies, new ImportOptions { LayerName = "agences" });

        Assert.Equal(CrsRegistry.Wgs84, r.SourceCrs);
        var a = Assert.Single(r.Agencies);
        Assert.Equal(18, a.Staff);
        Assert.Equal(6, a.SiteStaff);
        Assert.Equal(AgencyKind.Agence, a.Kind);
        Assert.Equal("collaborateurs", r.Mapping[TargetFields.Staff]);
    }

    [Fact]
    public void Import_UnknownLayer_ThrowsListingLayers()
    {
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(WriteTwoLayers(), LayerKind.Estates, new ImportOptions { LayerName = "batiments" }));
        Assert.Contains("aucune couche d'entités « batiments »", e.Message);
    }

    [Fact]
    public void Import_TextFileNamedGpkg_ThrowsNotAGeoPackage()
    {
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(TestData.WriteFile("fake.gpkg", "id;x;y\n1;2;3\n"), LayerKind.Estates, new ImportOptions()));
        Assert.Equal("fake.gpkg : ce n'est pas un GeoPackage (pas d'en-tête SQLite).", e.Message);
    }
}
