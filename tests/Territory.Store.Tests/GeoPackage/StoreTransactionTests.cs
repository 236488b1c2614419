using Territory.Core.Model;
using Territory.IO.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.Store.GeoPackage;
using Territory.Store;
using Territory.Store.Tests.Stores;

namespace Territory.Store.Tests.GeoPackage;

public sealed class StoreTransactionTests
{
    private const int Large = 20_000;

    private static IProjectStore StoreWithThreeEstates(TestStore tmp)
    {
        var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)"), Estate("b", "POINT (2 2)"), Estate("c", "POINT (3 3)")]));
        return store;
    }

    private static void AssertThreeEstatesIntact(IProjectStore store, TestStore tmp)
    {
        Assert.Equal(["a", "b", "c"], store.ReadEstates().Select(e => e.Id));
        var info = store.Inspect().Single(l => l.Name == "estates");
        Assert.Equal([1d, 1d, 3d, 3d], info.Extent);
        if (tmp.Kind == StoreKind.GeoPackage)
        {
            Assert.Equal(3L, tmp.Scalar("SELECT count(*) FROM rtree_estates_geom"));
            Assert.Equal(6L, tmp.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_estates_geom_%'"));
        }
        else
        {
            // The GiST index of the partitioned table, and the estates in their département's partition (no commune: default).
            Assert.Equal(1L, tmp.Scalar($"""
                SELECT count(*) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am a ON a.oid = x.relam
                JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = '{tmp.Schema}' AND t.relname = 'estates' AND a.amname = 'gist'
                """));
            Assert.Equal(3L, tmp.Scalar("SELECT count(*) FROM estates_d_default"));
            Assert.Equal(0L, tmp.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{tmp.Schema}' AND tablename LIKE '%undone%'"));
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_CancelledHalfwayThroughLargeWrite_KeepsPreviousContent(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = StoreWithThreeEstates(tmp);
        using var cts = new CancellationTokenSource();
        var reached = 0;
        var rows = new TrippingList<Estate>(ManyPoints(Large), i =>
        {
            reached = Math.Max(reached, i);
            if (i == Large / 2)
                cts.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => store.ImportLayer(Estates(rows), append: false, cts.Token));

        Assert.InRange(reached, Large / 2, Large - 1);
        AssertThreeEstatesIntact(store, tmp);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_AppendCancelledHalfway_KeepsPreviousContent(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = StoreWithThreeEstates(tmp);
        using var cts = new CancellationTokenSource();
        var rows = new TrippingList<Estate>(ManyPoints(Large), i =>
        {
            if (i == Large / 2)
                cts.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => store.ImportLayer(Estates(rows), append: true, cts.Token));

        AssertThreeEstatesIntact(store, tmp);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_ExceptionMidway_KeepsPreviousContentAndStoreUsable(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = StoreWithThreeEstates(tmp);
        var rows = new TrippingList<Estate>(ManyPoints(Large), i =>
        {
            if (i == 12_345)
                throw new IOException("disk gone");
        });

        Assert.Throws<IOException>(() => store.ImportLayer(Estates(rows)));

        AssertThreeEstatesIntact(store, tmp);
        var next = store.ImportLayer(Estates([Estate("d", "POINT (4 4)")]), append: true);
        Assert.Equal(4, next.CountAfter);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_QpvImportCancelled_KeepsEstatesAndNoQpvLayer(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = StoreWithThreeEstates(tmp);
        using var cts = new CancellationTokenSource();
        var districts = new TrippingList<PriorityDistrict>(Districts, _ => cts.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => store.ImportLayer(DistrictsResult(districts), ct: cts.Token));

        Assert.Empty(store.ReadDistricts());
        Assert.DoesNotContain(store.Inspect(), l => l.Name == "qpv");
        AssertThreeEstatesIntact(store, tmp);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_FirstImportFails_LeavesWorkingCrsUnset(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using (var store = tmp.Open())
        {
            var rows = new TrippingList<Estate>(ManyPoints(100), i =>
            {
                if (i == 50)
                    throw new InvalidDataException("bad row");
            });
            Assert.Throws<InvalidDataException>(() => store.ImportLayer(Estates(rows)));
            Assert.Null(store.WorkingCrs);
        }

        using var reopened = tmp.Open();
        Assert.Null(reopened.WorkingCrs);
        Assert.Empty(reopened.ReadEstates());
    }
}
