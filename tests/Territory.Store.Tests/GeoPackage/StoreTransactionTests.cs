using Territory.Core.Model;
using Territory.IO.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.Store.GeoPackage;
using Territory.Store;

namespace Territory.Store.Tests.GeoPackage;

public sealed class StoreTransactionTests
{
    private const int Large = 20_000;

    private static GeoPackageProjectStore StoreWithThreeEstates(TempGpkg tmp)
    {
        var store = GeoPackageProjectStore.Open(tmp.Path);
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)"), Estate("b", "POINT (2 2)"), Estate("c", "POINT (3 3)")]));
        return store;
    }

    private static void AssertThreeEstatesIntact(GeoPackageProjectStore store, string path)
    {
        Assert.Equal(["a", "b", "c"], store.ReadEstates().Select(e => e.Id));
        var info = store.Inspect().Single(l => l.Name == "estates");
        Assert.Equal([1d, 1d, 3d, 3d], info.Extent);
        Assert.Equal(3L, Scalar(path, "SELECT count(*) FROM rtree_estates_geom"));
        Assert.Equal(6L, Scalar(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_estates_geom_%'"));
    }

    [Fact]
    public void ImportLayer_CancelledHalfwayThroughLargeWrite_KeepsPreviousContent()
    {
        using var tmp = new TempGpkg();
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
        AssertThreeEstatesIntact(store, tmp.Path);
    }

    [Fact]
    public void ImportLayer_AppendCancelledHalfway_KeepsPreviousContent()
    {
        using var tmp = new TempGpkg();
        using var store = StoreWithThreeEstates(tmp);
        using var cts = new CancellationTokenSource();
        var rows = new TrippingList<Estate>(ManyPoints(Large), i =>
        {
            if (i == Large / 2)
                cts.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => store.ImportLayer(Estates(rows), append: true, cts.Token));

        AssertThreeEstatesIntact(store, tmp.Path);
    }

    [Fact]
    public void ImportLayer_ExceptionMidway_KeepsPreviousContentAndStoreUsable()
    {
        using var tmp = new TempGpkg();
        using var store = StoreWithThreeEstates(tmp);
        var rows = new TrippingList<Estate>(ManyPoints(Large), i =>
        {
            if (i == 12_345)
                throw new IOException("disk gone");
        });

        Assert.Throws<IOException>(() => store.ImportLayer(Estates(rows)));

        AssertThreeEstatesIntact(store, tmp.Path);
        var next = store.ImportLayer(Estates([Estate("d", "POINT (4 4)")]), append: true);
        Assert.Equal(4, next.CountAfter);
    }

    [Fact]
    public void ImportLayer_QpvImportCancelled_KeepsEstatesAndNoQpvLayer()
    {
        using var tmp = new TempGpkg();
        using var store = StoreWithThreeEstates(tmp);
        using var cts = new CancellationTokenSource();
        var districts = new TrippingList<PriorityDistrict>(Districts, _ => cts.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => store.ImportLayer(DistrictsResult(districts), ct: cts.Token));

        Assert.Empty(store.ReadDistricts());
        Assert.DoesNotContain(store.Inspect(), l => l.Name == "qpv");
        AssertThreeEstatesIntact(store, tmp.Path);
    }

    [Fact]
    public void ImportLayer_FirstImportFails_LeavesWorkingCrsUnset()
    {
        using var tmp = new TempGpkg();
        using (var store = GeoPackageProjectStore.Open(tmp.Path))
        {
            var rows = new TrippingList<Estate>(ManyPoints(100), i =>
            {
                if (i == 50)
                    throw new InvalidDataException("bad row");
            });
            Assert.Throws<InvalidDataException>(() => store.ImportLayer(Estates(rows)));
            Assert.Null(store.WorkingCrs);
        }

        using var reopened = GeoPackageProjectStore.Open(tmp.Path);
        Assert.Null(reopened.WorkingCrs);
        Assert.Empty(reopened.ReadEstates());
    }
}
