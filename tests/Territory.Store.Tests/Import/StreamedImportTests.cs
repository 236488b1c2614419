using System.Globalization;
using System.Text;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store.Tests.Stores;
using static Territory.Store.Tests.GeoPackage.StoreTestData;

namespace Territory.Store.Tests.Import;

/// <summary>Estates streamed from a CSV into either store (<see cref="IProjectStore.ImportLayer(ImportStream, LayerWriteOptions, CancellationToken)"/>).</summary>
public sealed class StreamedImportTests
{
    // Two communes and a QPV near Toulouse, in Lambert-93 (the importer rejects positions outside France).
    private const double X0 = 574_000, Y0 = 6_279_000;

    private static readonly Commune[] RealCommunes =
    [
        new() { Code = "31555", Name = "Un", Geometry = Square(X0, Y0, 1000) },
        new() { Code = "31069", Name = "Deux", Geometry = Square(X0 + 1000, Y0, 1000) },
    ];

    private static readonly PriorityDistrict[] RealDistricts =
    [
        new() { Code = "QN03101M", Name = "Les Tours", CommuneCode = "31555", Geometry = Square(X0 + 100, Y0 + 100, 300) },
    ];

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_Streamed_SameLayerAndOutcomeAsReadWhole(StoreKind kind)
    {
        using var streamedProject = TestStore.Create(kind);
        using var wholeProject = TestStore.Create(kind);
        if (streamedProject is null || wholeProject is null)
            return;
        var csv = Csv(5000, i => i % 97 == 0 ? "-3" : (1 + i % 40).ToString(CultureInfo.InvariantCulture), duplicateEvery: 250);

        LayerWriteOutcome streamed, whole;
        using (var store = Reference(streamedProject))
        using (var stream = LayerImporter.Open(csv, LayerKind.Estates, Options()))
            streamed = store.ImportLayer(stream, LayerWriteOptions.Replace);
        using (var store = Reference(wholeProject))
            whole = store.ImportLayer(LayerImporter.Import(csv, LayerKind.Estates, Options()), LayerWriteOptions.Replace);

        using var a = streamedProject.Open();
        using var b = wholeProject.Open();
        Assert.Equal(b.ReadEstates().Select(Describe), a.ReadEstates().Select(Describe));
        Assert.Equal((whole.Mode, whole.CountBefore, whole.CountAfter, whole.Written), (streamed.Mode, streamed.CountBefore, streamed.CountAfter, streamed.Written));
        Assert.Equal(whole.Enrichment, streamed.Enrichment);
        Assert.True(streamed.Enrichment!.InQpv > 0);
        Assert.Equal(b.Inspect().Single(l => l.Name == "estates").GeometryType, a.Inspect().Single(l => l.Name == "estates").GeometryType);
        Assert.Equal(b.Revisions().Select(r => (r.Kind, r.Rows)), a.Revisions().Select(r => (r.Kind, r.Rows)));
        if (kind == StoreKind.PostGis)
        {
            Assert.Equal(0L, streamedProject.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{streamedProject.Schema}' AND tablename LIKE '%staging%'"));
            Assert.Equal(wholeProject.Scalar("SELECT count(*) FROM estates_d_31"), streamedProject.Scalar("SELECT count(*) FROM estates_d_31"));
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StreamedReplacement_KeepsThePreviousLayerForUndo(StoreKind kind)
    {
        using var seeded = Seed(kind, 100);
        if (seeded is null)
            return;
        var store = seeded.Store;
        var first = store.ReadEstates().Select(Describe).ToList();

        Stream(store, Csv(120, prefix: "N"), LayerWriteOptions.Replace);
        Assert.Equal(120, store.ReadEstates().Count);
        store.UndoImport(LayerKind.Estates, LayerWriteOptions.Replace);

        Assert.Equal(first, store.ReadEstates().Select(Describe));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StreamedNothingAccepted_RefusedAndProjectUnchanged(StoreKind kind)
    {
        using var seeded = Seed(kind, 30);
        if (seeded is null)
            return;
        var (tmp, store, version) = seeded;

        var e = Assert.Throws<ReasonException>(() => Stream(store, Csv(50, _ => "0"), LayerWriteOptions.Replace));

        Assert.Equal("import_nothing_accepted", e.Reason.Code);
        AssertUnchanged(tmp, store, 30, version);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StreamedShrink_RefusedUnlessAllowed(StoreKind kind)
    {
        using var seeded = Seed(kind, 40);
        if (seeded is null)
            return;
        var (tmp, store, version) = seeded;

        var e = Assert.Throws<ReasonException>(() => Stream(store, Csv(10, prefix: "S"), new LayerWriteOptions()));
        Assert.Equal("import_would_shrink", e.Reason.Code);
        AssertUnchanged(tmp, store, 40, version);

        Stream(store, Csv(10, prefix: "S"), new LayerWriteOptions { AllowShrink = true });
        Assert.Equal(10, store.ReadEstates().Count);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StreamCancelledHalfway_ProjectUnchanged(StoreKind kind)
    {
        using var seeded = Seed(kind, 30);
        if (seeded is null)
            return;
        var (tmp, store, version) = seeded;
        using var cts = new CancellationTokenSource();
        var seen = 0.0;
        var progress = new SyncProgress(f =>
        {
            seen = Math.Max(seen, f);
            if (f > 0.6)
                cts.Cancel();
        });

        using (var stream = LayerImporter.Open(Csv(40_000, prefix: "C"), LayerKind.Estates, Options() with { Progress = progress }))
            Assert.ThrowsAny<OperationCanceledException>(() => store.ImportLayer(stream, LayerWriteOptions.Replace, cts.Token));

        Assert.InRange(seen, 0.6, 0.99);
        AssertUnchanged(tmp, store, 30, version);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StreamedStaleVersion_RefusedReadingStoppedProjectUnchanged(StoreKind kind)
    {
        using var seeded = Seed(kind, 30);
        if (seeded is null)
            return;
        var (tmp, store, version) = seeded;

        // More rows than the batches read ahead hold: the reading, started before the transaction, waits for a writer
        // that never comes, and is stopped when the store refuses.
        using (var stream = LayerImporter.Open(Csv(2 * 16 * StreamedEstates.BatchSize, prefix: "V"), LayerKind.Estates, Options()))
        {
            Assert.Throws<StaleVersionException>(() => store.ImportLayer(stream, LayerWriteOptions.Replace with { ExpectedVersion = version - 1 }));
            Assert.Throws<InvalidOperationException>(() => stream.Result);
        }

        AssertUnchanged(tmp, store, 30, version);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ImportLayer_StreamedAppend_SkipsStoredKeysAndContinuesTheIds(StoreKind kind)
    {
        using var seeded = Seed(kind, 20);
        if (seeded is null)
            return;
        var store = seeded.Store;

        var outcome = Stream(store, Csv(30), new LayerWriteOptions { Append = true });

        Assert.Equal(LayerWriteMode.Appended, outcome.Mode);
        Assert.Equal(20, outcome.DuplicatesSkipped);
        Assert.Equal(30, outcome.CountAfter);
        Assert.Equal(30, store.ReadEstates().Select(e => e.Id).Distinct().Count());
    }

    private static void AssertUnchanged(TestStore tmp, IProjectStore store, int rows, long version)
    {
        Assert.Equal(rows, store.ReadEstates().Count);
        Assert.Equal(version, store.DataVersion);
        if (tmp.Kind == StoreKind.PostGis)
            Assert.Equal(0L, tmp.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{tmp.Schema}' AND tablename LIKE '%staging%'"));
    }

    /// <summary>
    /// A project of <paramref name="kind"/> with the reference communes and QPV and <paramref name="rows"/> estates streamed
    /// in, and its data version then; null where that store is not available here.
    /// </summary>
    private static Seeded? Seed(StoreKind kind, int rows)
    {
        var tmp = TestStore.Create(kind);
        if (tmp is null)
            return null;
        var store = Reference(tmp);
        Stream(store, Csv(rows), LayerWriteOptions.Replace);
        return new Seeded(tmp, store, store.DataVersion);
    }

    private sealed record Seeded(TestStore Project, IProjectStore Store, long Version) : IDisposable
    {
        public void Dispose()
        {
            Store.Dispose();
            Project.Dispose();
        }
    }

    private static IProjectStore Reference(TestStore tmp)
    {
        var store = tmp.Open();
        store.ImportLayer(CommunesResult(RealCommunes), LayerWriteOptions.Replace);
        store.ImportLayer(DistrictsResult(RealDistricts), LayerWriteOptions.Replace);
        return store;
    }

    private static LayerWriteOutcome Stream(IProjectStore store, string csv, LayerWriteOptions options)
    {
        using var stream = LayerImporter.Open(csv, LayerKind.Estates, Options());
        return store.ImportLayer(stream, options);
    }

    private static ImportOptions Options() => new() { Crs = "EPSG:2154", TargetCrs = Lambert93 };

    private static string Describe(Estate e) => FormattableString.Invariant(
        $"{e.Id}|{e.Dwellings}|{e.CommuneCode}|{e.QpvCode}|{e.Geometry.Coordinate.X:F2}|{e.Geometry.Coordinate.Y:F2}");

    /// <summary>A CSV of <paramref name="n"/> estates over the two communes (some outside both), x/y in Lambert-93.</summary>
    private static string Csv(int n, Func<int, string>? dwellings = null, int duplicateEvery = 0, string prefix = "E")
    {
        var text = new StringBuilder("id;x;y;nb_logements\n");
        for (var i = 0; i < n; i++)
        {
            var id = duplicateEvery > 0 && i % duplicateEvery == duplicateEvery - 1 ? prefix + "0" : prefix + i.ToString(CultureInfo.InvariantCulture);
            var x = X0 + (i * 37 % 2200);
            var y = Y0 + (i * 53 % 1000);
            text.Append(CultureInfo.InvariantCulture, $"{id};{x};{y};{dwellings?.Invoke(i) ?? "5"}\n");
        }
        var path = Path.Combine(Path.GetTempPath(), $"territory-stream-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static NetTopologySuite.Geometries.Geometry Square(double x, double y, double size) =>
        G(FormattableString.Invariant($"POLYGON (({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"));

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
