using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Store.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.Store;
using Territory.Store.Tests.Stores;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>Nothing replaced by nothing; versions, compare-and-swap, undo.</summary>
public sealed class StoreVersionTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_NothingAccepted_RefusedAndLayerKept(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)"), Estate("b", "POINT (2 2)")]));
        var version = store.DataVersion;

        var error = Assert.Throws<ReasonException>(() => store.ImportLayer(Estates([]) with { Read = 5 }, LayerWriteOptions.Replace));

        Assert.Equal("import_nothing_accepted", error.Reason.Code);
        Assert.Equal(2, store.ReadEstates().Count);
        Assert.Equal(version, store.DataVersion);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_ShrinkBelowHalf_NeedsAllowShrink(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)"), Estate("b", "POINT (2 2)"), Estate("c", "POINT (3 3)")]));

        var error = Assert.Throws<ReasonException>(() => store.ImportLayer(Estates([Estate("d", "POINT (4 4)")]), LayerWriteOptions.Replace));
        Assert.Equal("import_would_shrink", error.Reason.Code);
        Assert.Equal(3, store.ReadEstates().Count);

        store.ImportLayer(Estates([Estate("d", "POINT (4 4)")]), new LayerWriteOptions { AllowShrink = true });
        Assert.Equal("d", Assert.Single(store.ReadEstates()).Id);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_EveryCommit_IncrementsTheDataVersion(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        Assert.Equal(0, store.DataVersion);
        var first = store.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));
        var second = store.ImportLayer(Estates([Estate("b", "POINT (2 2)")]), append: true);
        Assert.Equal(1, first.DataVersion);
        Assert.Equal(2, second.DataVersion);
        Assert.Equal(2, store.DataVersion);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StaleExpectedVersion_RefusedWithNothingWritten(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var reader = tmp.Open();
        using (var other = tmp.Open())
            other.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));
        var seen = 0L; // the writer read the project before the other process committed

        var error = Assert.Throws<StaleVersionException>(() =>
            reader.ImportLayer(Estates([Estate("b", "POINT (2 2)")]), new LayerWriteOptions { ExpectedVersion = seen, AllowShrink = true }));

        Assert.Equal(0, error.Expected);
        Assert.Equal(1, error.Actual);
        Assert.Equal("a", Assert.Single(reader.ReadEstates()).Id);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void UndoImport_RestoresThePreviousLayerExactly_AndRedoesWhenRepeated(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)", dwellings: 7), Estate("b", "POLYGON ((30 40, 50 40, 50 60, 30 60, 30 40))", dwellings: 5)]));
        var before = store.ReadEstates();
        store.ImportLayer(Estates([Estate("c", "POINT (3 3)"), Estate("d", "POINT (4 4)")]));

        var undo = store.UndoImport(LayerKind.Estates, LayerWriteOptions.Replace);

        Assert.Equal(LayerWriteMode.Restored, undo.Mode);
        Assert.Equal(before, store.ReadEstates());
        Assert.Equal(2, store.Inspect().Single(l => l.Name == "estates").Count);
        store.UndoImport(LayerKind.Estates, LayerWriteOptions.Replace);
        Assert.Equal(["c", "d"], store.ReadEstates().Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void UndoImport_NothingKept_Refused(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));
        var error = Assert.Throws<ReasonException>(() => store.UndoImport(LayerKind.Agencies, LayerWriteOptions.Replace));
        Assert.Equal("undo_nothing_kept", error.Reason.Code);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void Revisions_TellTheLastWriteAndWhatUndoRestores(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)"), Estate("b", "POINT (2 2)")]));
        store.ImportLayer(Estates([Estate("c", "POINT (3 3)")]), append: true);

        var estates = Assert.Single(store.Revisions());
        Assert.Equal(LayerKind.Estates, estates.Kind);
        Assert.Equal(2, estates.Revision);
        Assert.Equal(3, estates.Rows);
        Assert.Equal(2, estates.PreviousRows);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void WriteResult_ReadsBackWithItsInputKey(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        Assert.Null(store.ReadResult("analysis"));
        store.WriteResult("analysis", "k1", [1, 2, 3]);
        store.WriteResult("analysis", "k2", [4]);
        var stored = store.ReadResult("analysis")!;
        Assert.Equal("k2", stored.InputKey);
        Assert.Equal([4], stored.Payload);
    }
}
