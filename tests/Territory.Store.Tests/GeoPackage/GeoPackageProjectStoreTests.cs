using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.Store.GeoPackage;
using Territory.Store;
using Territory.Store.Tests.Stores;

namespace Territory.Store.Tests.GeoPackage;

public sealed class GeoPackageProjectStoreTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Open_NewFile_WritesGeoPackageHeaderAndMandatorySrs()
    {
        using var tmp = new TempGpkg();
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
            Assert.Null(store.WorkingCrs);

        Assert.Equal(0x47504B47L, Scalar(tmp.Path, "PRAGMA application_id"));
        Assert.Equal(10300L, Scalar(tmp.Path, "PRAGMA user_version"));
        Assert.Equal(3L, Scalar(tmp.Path, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)"));
        Assert.Equal("attributes", Scalar(tmp.Path, "SELECT data_type FROM gpkg_contents WHERE table_name = 'territory_project'"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_Estates_RoundTripsAllFields(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        Estate[] estates =
        [
            new()
            {
                Id = "P-001", Name = "Les Érables", Landlord = "Lyon Métropole Habitat", Geometry = G("POINT (846752.831234 6512578.204321)"),
                Dwellings = 120, Housing = HousingKind.Collective, ConstructionYear = 1968, CommuneCode = "69259", QpvCode = "QN06912M", AgencyId = "AG-1",
            },
            new() { Id = "P-002", Geometry = G("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), Dwellings = 4, Housing = HousingKind.Individual },
            new() { Id = "P-003", Geometry = G("POINT (1 2)"), Dwellings = 30, Housing = HousingKind.Student },
        ];

        using var store = tmp.Open();
        var outcome = store.ImportLayer(Estates(estates), append: false);
        var back = store.ReadEstates();

        Assert.Equal(LayerWriteMode.Created, outcome.Mode);
        Assert.Equal(3, outcome.Written);
        Assert.Equal(3, back.Count);
        for (var i = 0; i < estates.Length; i++)
        {
            Assert.True(estates[i].Geometry.EqualsExact(back[i].Geometry, Tolerance), $"geometry {i}");
            Assert.Equal(Lambert93, back[i].Geometry.SRID);
            Assert.Equal(estates[i] with { Geometry = back[i].Geometry }, back[i]);
        }
    }

    [Theory]
    [InlineData("POINT (1 2)|POINT (3 4)", "POINT")]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))|MULTIPOLYGON (((20 20, 30 20, 30 30, 20 30, 20 20)))", "MULTIPOLYGON")]
    [InlineData("POINT (1 2)|POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "GEOMETRY")]
    public void ImportLayer_Estates_GeometryColumnTypedByTheData(string wkts, string expected)
    {
        using var tmp = new TempGpkg();
        var estates = wkts.Split('|').Select((w, i) => new Estate { Id = $"E{i}", Geometry = G(w), Dwellings = 5 }).ToArray();
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
            store.ImportLayer(Estates(estates), append: false);
        Assert.Equal(expected, GeometryTypeOf(tmp.Path, "estates"));
    }

    [Fact]
    public void ImportLayer_EstatePolygonsAppendedToPoints_LayerBecomesGeometry()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);
        store.ImportLayer(Estates([new Estate { Id = "P1", Geometry = G("POINT (1 2)"), Dwellings = 5 }]), append: false);
        Assert.Equal("POINT", GeometryTypeOf(tmp.Path, "estates"));
        store.ImportLayer(Estates([new Estate { Id = "P2", Geometry = G("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), Dwellings = 5 }]), append: true);
        Assert.Equal("GEOMETRY", GeometryTypeOf(tmp.Path, "estates"));
        Assert.Equal(2, store.ReadEstates().Count);
    }

    private static string GeometryTypeOf(string path, string table)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = $t";
        cmd.Parameters.AddWithValue("$t", table);
        return (string)cmd.ExecuteScalar()!;
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_Agencies_RoundTripsAllFields(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        Agency[] agencies =
        [
            new()
            {
                Id = "AG-1", Name = "Agence Vénissieux", Kind = AgencyKind.BureauProximite, Landlord = "LMH", Location = (Point)G("POINT (846000.5 6512000.25)"),
                Staff = 18, SiteStaff = 6, Accueil = AccueilModes.PermanencePhysique | AccueilModes.PiedImmeuble, PerimeterModel = 4, CommuneCode = "69259",
            },
            new() { Id = "AG-2", Kind = AgencyKind.ArretAgenceMobile, Location = (Point)G("POINT (1 1)") },
        ];

        using var store = tmp.Open();
        store.ImportLayer(Result(LayerKind.Agencies) with { Agencies = agencies, Read = 2 });
        var back = store.ReadAgencies();

        Assert.Equal(2, back.Count);
        for (var i = 0; i < agencies.Length; i++)
        {
            Assert.True(agencies[i].Location.EqualsExact(back[i].Location, Tolerance));
            Assert.Equal(agencies[i] with { Location = back[i].Location }, back[i]);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_CommunesAndQpv_RoundTripAsMultiPolygons(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();

        store.ImportLayer(CommunesResult(Communes));
        store.ImportLayer(DistrictsResult(Districts));
        var communes = store.ReadCommunes();
        var districts = store.ReadDistricts();

        Assert.Equal(2, communes.Count);
        var multi = Assert.IsType<MultiPolygon>(communes[0].Geometry);
        Assert.True(Communes[0].Geometry.EqualsExact(multi.GetGeometryN(0), Tolerance));
        Assert.Equal(Communes[0] with { Geometry = communes[0].Geometry }, communes[0]);
        Assert.Equal(Communes[1] with { Geometry = communes[1].Geometry }, communes[1]);
        Assert.Equal(Districts[0] with { Geometry = districts[0].Geometry }, districts[0]);
        Assert.True(Districts[0].Geometry.EqualsTopologically(districts[0].Geometry));
        Assert.IsType<Polygon>(Communes[0].Geometry);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_SecondImportWithoutAppend_ReplacesLayer(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)"), Estate("b", "POINT (2 2)")]));

        var outcome = store.ImportLayer(Estates([Estate("c", "POINT (3 3)")]));

        Assert.Equal(LayerWriteMode.Replaced, outcome.Mode);
        Assert.Equal(2, outcome.CountBefore);
        Assert.Equal(1, outcome.CountAfter);
        Assert.Equal(["c"], store.ReadEstates().Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_Append_AddsNewRowsAndSkipsStoredIds(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)", dwellings: 5), Estate("b", "POINT (2 2)")]));

        var outcome = store.ImportLayer(Estates([Estate("b", "POINT (9 9)"), Estate("c", "POINT (3 3)"), Estate("a", "POINT (9 9)", dwellings: 99)]), append: true);

        Assert.Equal(LayerWriteMode.Appended, outcome.Mode);
        Assert.Equal(2, outcome.CountBefore);
        Assert.Equal(3, outcome.CountAfter);
        Assert.Equal(1, outcome.Written);
        Assert.Equal(2, outcome.DuplicatesSkipped);
        Assert.Equal(["b", "a"], outcome.DuplicateKeys);
        var back = store.ReadEstates();
        Assert.Equal(["a", "b", "c"], back.Select(e => e.Id));
        Assert.Equal(5, back[0].Dwellings);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_OtherCrsThanWorkingCrs_ThrowsAndKeepsContent(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));

        var error = Assert.Throws<InvalidOperationException>(() => store.ImportLayer(Estates([Estate("b", "POINT (4.8 45.7)")], crs: 4326)));

        Assert.Contains("EPSG:2154", error.Message);
        Assert.Equal(["a"], store.ReadEstates().Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void Open_ExistingProject_RemembersWorkingCrs(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using (var store = tmp.Open())
            store.ImportLayer(CommunesResult(Communes));

        using var reopened = tmp.Open();

        Assert.Equal(Lambert93, reopened.WorkingCrs);
        Assert.Equal(2, reopened.ReadCommunes().Count);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void Inspect_AfterImports_ReportsCountsCrsExtentAndDwellings(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (10 20)", dwellings: 7), Estate("b", "POLYGON ((30 40, 50 40, 50 60, 30 60, 30 40))", dwellings: 5)]));
        store.ImportLayer(Estates([Estate("c", "POINT (-5 100)", dwellings: 1)]), append: true);
        store.ImportLayer(CommunesResult(Communes));

        var layers = store.Inspect().ToDictionary(l => l.Name);

        var estates = layers["estates"];
        Assert.Equal(3, estates.Count);
        Assert.Equal("EPSG:2154", estates.Crs);
        Assert.Equal([-5d, 20d, 50d, 100d], estates.Extent);
        Assert.Equal(13, estates.Dwellings);
        Assert.Equal([0d, 0d, 2000d, 1000d], layers["communes"].Extent);
        Assert.Null(layers["communes"].Dwellings);
        Assert.Equal("MULTIPOLYGON", layers["communes"].GeometryType);
        Assert.Equal("attributes", layers["territory_project"].DataType);
        Assert.False(layers.ContainsKey("agencies"));
    }

    [Fact]
    public void Open_SqliteFileThatIsNotAGeoPackage_Throws()
    {
        using var tmp = new TempGpkg();
        using (var c = Sql(tmp.Path))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x)";
            cmd.ExecuteNonQuery();
        }

        Assert.Throws<InvalidDataException>(() => GeoPackageProjectStore.Open(tmp.Path));
    }
}
