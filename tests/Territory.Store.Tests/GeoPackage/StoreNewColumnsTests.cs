using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>Site staff per estate, urban areas of communes and QPV indicators are kept; older projects without those columns still read and append.</summary>
public sealed class StoreNewColumnsTests
{
    [Fact]
    public void ImportLayer_SiteStaffUrbanAreaAndQpvIndicators_RoundTrip()
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);
        store.ImportLayer(CommunesResult([Communes[0] with { UrbanAreaCode = "004", UrbanAreaPopulation = 1_360_000 }, Communes[1] with { UrbanAreaCode = "000" }]));
        store.ImportLayer(DistrictsResult([Districts[0] with { Population = 5200, PovertyRate = 43.9, MedianIncome = 13305, YouthIndex = 0.7 }]));
        store.ImportLayer(Estates([Estate("A", "POINT (200 200)", dwellings: 150) with { SiteStaffFte = 1.5 }, Estate("B", "POINT (1500 500)")]));

        var communes = store.ReadCommunes();
        Assert.Equal(("004", 1_360_000), (communes[0].UrbanAreaCode, communes[0].UrbanAreaPopulation!.Value));
        Assert.Equal("000", communes[1].UrbanAreaCode);
        var qpv = Assert.Single(store.ReadDistricts());
        Assert.Equal((5200, 43.9, 13305.0, 0.7), (qpv.Population!.Value, qpv.PovertyRate!.Value, qpv.MedianIncome!.Value, qpv.YouthIndex!.Value));
        var estates = store.ReadEstates();
        Assert.Equal(1.5, estates.Single(e => e.Id == "A").SiteStaffFte);
        Assert.Null(estates.Single(e => e.Id == "B").SiteStaffFte);
    }

    [Fact]
    public void ReadAndAppend_ProjectWithoutTheNewColumns_ReadsNullsThenAddsThem()
    {
        using var tmp = new TempGpkg();
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
            store.ImportLayer(Estates([Estate("A", "POINT (200 200)")]));
        using (var sql = Sql(tmp.Path))
        {
            using var cmd = sql.CreateCommand();
            cmd.CommandText = "ALTER TABLE estates DROP COLUMN site_staff_fte; ALTER TABLE estates__previous DROP COLUMN site_staff_fte;";
            cmd.ExecuteNonQuery();
        }
        using var older = GeoPackageProjectStore.Open(tmp.Path);
        Assert.Null(Assert.Single(older.ReadEstates()).SiteStaffFte);

        older.ImportLayer(Estates([Estate("B", "POINT (300 300)") with { SiteStaffFte = 2 }]), append: true);
        var estates = older.ReadEstates();
        Assert.Equal(2, estates.Count);
        Assert.Equal(2, estates.Single(e => e.Id == "B").SiteStaffFte);
        Assert.Null(estates.Single(e => e.Id == "A").SiteStaffFte);

        // The previous version, kept before the columns were added, still undoes.
        older.UndoImport(LayerKind.Estates, new LayerWriteOptions());
        Assert.Equal("A", Assert.Single(older.ReadEstates()).Id);
    }
}
