using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store.Tests.Stores;
using static Territory.Store.Tests.GeoPackage.StoreTestData;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>Site staff per estate, urban areas of communes and QPV indicators are kept; older projects without those columns still read and append.</summary>
public sealed class StoreNewColumnsTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_SiteStaffUrbanAreaAndQpvIndicators_RoundTrip(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
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

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ReadAndAppend_ProjectWithoutTheNewColumns_ReadsNullsThenAddsThem(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using (var store = tmp.Open())
            store.ImportLayer(Estates([Estate("A", "POINT (200 200)")]));
        // A project written before the column existed (on PostGIS the estates are partitioned: the column goes from every partition).
        tmp.Scalar("ALTER TABLE estates DROP COLUMN site_staff_fte");
        if (tmp.Scalar(kind == StoreKind.GeoPackage
                ? "SELECT count(*) FROM sqlite_master WHERE name = 'estates__previous'"
                : "SELECT count(*) FROM pg_tables WHERE tablename = 'estates__previous' AND schemaname = current_schema()") is long n && n > 0)
            tmp.Scalar("ALTER TABLE estates__previous DROP COLUMN site_staff_fte");
        using var older = tmp.Open();
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
