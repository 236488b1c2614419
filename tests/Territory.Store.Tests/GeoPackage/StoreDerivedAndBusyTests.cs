using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;
using Territory.Store;
using Territory.Store.GeoPackage;
using Territory.Store.Tests.Stores;
using static Territory.Store.Tests.GeoPackage.StoreTestData;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>Result layers carry the inputs' version they describe; a project locked by another program is a reason, not a crash.</summary>
public sealed class StoreDerivedAndBusyTests
{
    private static readonly LayerDefinition Result = LayerDefinition.Attributes("travel_estates", [new("estate_id", ColumnType.Text), new("minutes", ColumnType.Real)]);

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void WriteDerived_AtTheCurrentVersion_WritesAndRecordsIt(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("E1", "POINT (10 10)")]));
        var version = store.DataVersion;

        store.WriteDerived(version, sink => sink.WriteLayer(Result, false, w => w.Write(null, "E1", 12.5)));

        Assert.Equal(version, store.DerivedVersion("travel_estates"));
        Assert.Equal(1L, Convert.ToInt64(tmp.Scalar("SELECT count(*) FROM travel_estates"), CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void WriteDerived_FromAnOlderVersion_StaleAndNothingWritten(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("E1", "POINT (10 10)")]));
        var read = store.DataVersion;
        store.WriteDerived(read, sink => sink.WriteLayer(Result, false, w => w.Write(null, "E1", 12.5)));
        // Someone imports between the read and the write of the results.
        using (var other = tmp.Open())
            other.ImportLayer(Estates([Estate("E2", "POINT (20 20)")]), append: true);

        var e = Assert.Throws<StaleVersionException>(() =>
            store.WriteDerived(read, sink => sink.WriteLayer(Result, false, w => w.Write(null, "E1", 99.0))));

        Assert.Equal(read, e.Expected);
        Assert.Equal(1L, Convert.ToInt64(tmp.Scalar("SELECT count(*) FROM travel_estates"), CultureInfo.InvariantCulture));
        Assert.Equal(12.5, Convert.ToDouble(tmp.Scalar("SELECT minutes FROM travel_estates"), CultureInfo.InvariantCulture));
        Assert.Equal(read, store.DerivedVersion("travel_estates"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void WriteDerived_AnInputLayer_Refused(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("E1", "POINT (10 10)")]));
        Assert.Throws<ArgumentException>(() => store.WriteDerived(store.DataVersion,
            sink => sink.WriteLayer(LayerDefinition.Attributes("estates", [new("x", ColumnType.Text)]), false, _ => { })));
        Assert.Single(store.ReadEstates());
    }

    [Fact]
    public void ImportLayer_ProjectLockedByAnotherProgram_BusyReasonNamingTheFile()
    {
        using var tmp = new TempGpkg();
        using (var first = GeoPackageProjectStore.Open(tmp.Path))
            first.ImportLayer(Estates([Estate("E1", "POINT (10 10)")]));
        var timeout = GeoPackageFile.BusyTimeout;
        GeoPackageFile.BusyTimeout = TimeSpan.FromSeconds(1);
        try
        {
            using var store = GeoPackageProjectStore.Open(tmp.Path);
            using var other = new SqliteConnection($"Data Source={tmp.Path};Pooling=False");
            other.Open();
            using var hold = other.BeginTransaction();

            var e = Assert.Throws<StoreFailureException>(() => store.ImportLayer(Estates([Estate("E2", "POINT (20 20)")]), append: true));

            Assert.Equal(StoreFailureKind.Busy, e.Kind);
            Assert.Equal("project_busy", e.Reason.Code);
            Assert.Contains(Path.GetFileName(tmp.Path), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            GeoPackageFile.BusyTimeout = timeout;
        }
    }

    [Fact]
    public void Open_NotADatabase_DamagedReason()
    {
        using var tmp = new TempGpkg();
        File.WriteAllBytes(tmp.Path, [.. "SQLite format 3\0"u8, .. new byte[4000]]);
        var e = Assert.ThrowsAny<Exception>(() => GeoPackageProjectStore.Open(tmp.Path));
        Assert.True(e is StoreFailureException { Kind: StoreFailureKind.Damaged } || e is InvalidDataException, e.GetType().Name + ": " + e.Message);
    }
}
