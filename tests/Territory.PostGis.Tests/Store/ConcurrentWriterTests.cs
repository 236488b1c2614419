using Territory.Core.Scenarios;
using Territory.PostGis.Tests.Support;
using Territory.Store;
using static Territory.PostGis.Tests.Support.PgProject;

namespace Territory.PostGis.Tests.Store;

/// <summary>Two writers on one schema: compare-and-swap on the data version, one wins, the other is refused, nothing is lost.</summary>
public sealed class ConcurrentWriterTests
{
    [Fact]
    public async Task ImportLayer_TwoWritersFromTheSameVersion_OneWinsTheOtherIsRefused()
    {
        using var p = Create();
        if (p is null)
            return;
        using (var setup = p.Open())
            setup.ImportLayer(Estates(Many(100)), LayerWriteOptions.Replace);
        using var first = p.Open();
        using var second = p.Open();
        var seen = first.DataVersion;
        Assert.Equal(seen, second.DataVersion);
        using var start = new Barrier(2);

        Exception? Write(IProjectStore store, string prefix)
        {
            start.SignalAndWait();
            try
            {
                store.ImportLayer(Estates(Many(5_000, prefix)), new LayerWriteOptions { ExpectedVersion = seen, Author = prefix });
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        var a = Task.Run(() => Write(first, "A"));
        var b = Task.Run(() => Write(second, "B"));
        var outcomes = await Task.WhenAll(a, b);

        Assert.Single(outcomes, e => e is null);
        var refused = Assert.IsType<StaleVersionException>(Assert.Single(outcomes, e => e is not null));
        Assert.Equal(seen, refused.Expected);
        Assert.Equal(seen + 1, refused.Actual);
        using var check = p.Open();
        var estates = check.ReadEstates();
        Assert.Equal(5_000, estates.Count);
        var winner = estates[0].Id[..1];
        Assert.All(estates, e => Assert.StartsWith(winner, e.Id, StringComparison.Ordinal));
        Assert.Equal(seen + 1, check.DataVersion);
        // The loser's refusal left no trace; the winner's import is the one previous version undo restores from.
        Assert.Equal(100, check.Revisions().Single().PreviousRows);
    }

    [Fact]
    public async Task SaveScenario_TwoWritersAtOnce_BothKept()
    {
        using var p = Create();
        if (p is null)
            return;
        using (var setup = p.Open())
            setup.ImportLayer(Estates(Many(10)), LayerWriteOptions.Replace);
        using var first = p.Open();
        using var second = p.Open();
        using var start = new Barrier(2);

        var tasks = new[] { (first, "Nord"), (second, "Sud") }.Select(w => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 10; i++)
                w.Item1.SaveScenario(new Scenario { Name = $"{w.Item2} {i}", Author = w.Item2 }, overwrite: false);
        })).ToArray();
        await Task.WhenAll(tasks);

        using var check = p.Open();
        Assert.Equal(20, check.ListScenarios().Count);
        Assert.Equal(20L + 1, p.Scalar("SELECT count(*) FROM territory_audit"));
        Assert.Equal(21L, p.Scalar("SELECT count(DISTINCT fid) FROM territory_audit"));
    }

    [Fact]
    public async Task ReadEstates_DuringAnUncommittedImport_SeesTheCommittedLayer()
    {
        using var p = Create();
        if (p is null)
            return;
        using (var setup = p.Open())
            setup.ImportLayer(Estates(Many(50, "old")), LayerWriteOptions.Replace);
        using var writer = p.Open();
        using var reader = p.Open();
        using var reached = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var rows = Many(2_000, "new");

        Territory.Core.Model.Estate Signal(Territory.Core.Model.Estate e)
        {
            reached.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return e;
        }

        // The row list is read inside the import's transaction, after the version row is locked and bumped: the reader runs meanwhile.
        var import = Task.Run(() => writer.ImportLayer(Estates(new LazyList(rows, Signal, 1_000)), LayerWriteOptions.Replace));
        Assert.True(reached.Wait(TimeSpan.FromSeconds(60)), "the import never reached its middle");
        var versionDuring = reader.DataVersion;
        release.Set();
        await import;

        Assert.Equal(1, versionDuring);
        Assert.Equal(2, reader.DataVersion);
        Assert.Equal(2_000, reader.ReadEstates().Count);
    }

    /// <summary>A list whose item <paramref name="at"/> calls <paramref name="onAccess"/> when read.</summary>
    private sealed class LazyList(List<Territory.Core.Model.Estate> inner, Func<Territory.Core.Model.Estate, Territory.Core.Model.Estate> onAccess, int at)
        : IReadOnlyList<Territory.Core.Model.Estate>
    {
        public Territory.Core.Model.Estate this[int index] => index == at ? onAccess(inner[index]) : inner[index];

        public int Count => inner.Count;

        public IEnumerator<Territory.Core.Model.Estate> GetEnumerator()
        {
            for (var i = 0; i < inner.Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
