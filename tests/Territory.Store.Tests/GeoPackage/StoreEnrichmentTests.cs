using Territory.Core.Model;
using Territory.IO.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.Store.GeoPackage;
using Territory.Store;
using Territory.Store.Tests.Stores;

namespace Territory.Store.Tests.GeoPackage;

public sealed class StoreEnrichmentTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_EstatesIntoProjectWithReferences_JoinsBeforeWriting(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(CommunesResult(Communes));
        store.ImportLayer(DistrictsResult(Districts));

        var outcome = store.ImportLayer(Estates(
        [
            Estate("in-qpv", "POINT (200 200)", commune: "69999"),
            Estate("east", "POINT (1500 500)"),
            Estate("nowhere", "POINT (5000 5000)", commune: "75056", qpv: "QP075001"),
            Estate("poly", "POLYGON ((150 150, 250 150, 250 250, 150 250, 150 150))"),
        ]));
        var back = store.ReadEstates().ToDictionary(e => e.Id);

        Assert.Equal(("69001", "QN06901M"), (back["in-qpv"].CommuneCode, back["in-qpv"].QpvCode));
        Assert.Equal(("69002", (string?)null), (back["east"].CommuneCode, back["east"].QpvCode));
        Assert.Equal(("75056", (string?)null), (back["nowhere"].CommuneCode, back["nowhere"].QpvCode));
        Assert.Equal(("69001", "QN06901M"), (back["poly"].CommuneCode, back["poly"].QpvCode));
        Assert.NotNull(outcome.Enrichment);
        Assert.Equal(3, outcome.Enrichment.CommuneMatched);
        Assert.Equal(1, outcome.Enrichment.OutsideCommunes);
        Assert.Equal(3, outcome.Enrichment.CommuneChanged);
        Assert.Equal(2, outcome.Enrichment.InQpv);
        Assert.Equal("69999", tmp.Scalar("SELECT commune_code_source FROM estates WHERE id = 'in-qpv'"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_QpvImportedAfterEstates_RejoinsStoredEstates(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (200 200)"), Estate("b", "POINT (800 800)", qpv: "QP069099")]));
        Assert.All(store.ReadEstates(), e => Assert.NotEqual("QN06901M", e.QpvCode));

        var outcome = store.ImportLayer(DistrictsResult(Districts));
        var back = store.ReadEstates();

        Assert.Equal("QN06901M", back[0].QpvCode);
        Assert.Null(back[1].QpvCode);
        Assert.Equal(2, outcome.EstatesUpdated);
        Assert.NotNull(outcome.Enrichment);
        Assert.Equal(1, outcome.Enrichment.InQpv);
        Assert.False(outcome.Enrichment.CommunesUsed);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void UndoImport_FirstCommunesImport_RestoresSourceCodes(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1500 500)", commune: "69001")]));
        store.ImportLayer(CommunesResult(Communes));
        Assert.Equal("69002", store.ReadEstates()[0].CommuneCode);

        var outcome = store.UndoImport(LayerKind.Communes, LayerWriteOptions.Replace);

        Assert.Empty(store.ReadCommunes());
        Assert.Equal("69001", store.ReadEstates()[0].CommuneCode);
        Assert.Equal(1, outcome.EstatesUpdated);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_EstatesWithoutReferenceLayers_KeepsSourceCodesAndReportsNoJoin(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();

        var outcome = store.ImportLayer(Estates([Estate("a", "POINT (200 200)", commune: "01001", qpv: "QP001001")]));

        Assert.Null(outcome.Enrichment);
        Assert.Equal(("01001", "QP001001"), (store.ReadEstates()[0].CommuneCode, store.ReadEstates()[0].QpvCode));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_AppendCommunes_SkipsKnownCodesAndRejoinsEstates(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(CommunesResult([Communes[0]]));
        store.ImportLayer(Estates([Estate("east", "POINT (1500 500)", commune: "01001")]));
        Assert.Equal("01001", store.ReadEstates()[0].CommuneCode);

        var outcome = store.ImportLayer(CommunesResult(Communes), append: true);

        Assert.Equal(1, outcome.DuplicatesSkipped);
        Assert.Equal(["69001"], outcome.DuplicateKeys);
        Assert.Equal(2, outcome.CountAfter);
        Assert.Equal(1, outcome.EstatesUpdated);
        Assert.Equal("69002", store.ReadEstates()[0].CommuneCode);
    }
}
