using Territory.Routing.Algorithms;

namespace Territory.Routing.Tests.Algorithms;

public sealed class SparseTravelRowTests
{
    [Fact]
    public void FromCells_MixedRow_GivesBackEveryCell()
    {
        var random = new Random(7);
        var cells = new (double? Seconds, double? Meters, string? Reason)[5000];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = random.Next(10) switch
            {
                0 or 1 => (random.NextDouble() * 3600, random.NextDouble() * 50_000, null),
                2 => (null, null, "target not snapped: " + (i % 3)),
                3 => (null, null, null),
                4 when i % 50 == 0 => (12.5, null, "odd"),
                _ => (null, null, "no path"),
            };
        }

        var row = SparseTravelRow.FromCells(cells);

        Assert.Equal(cells, row.ToArray());
        for (var i = 0; i < cells.Length; i++)
            Assert.Equal(cells[i], row[i]);
        Assert.Equal("no path", row.Reason);
        Assert.True(row.Bytes < cells.Length * 40 / 2);
    }

    [Fact]
    public void Builder_EveryCellReached_NoReasonKept()
    {
        var builder = new SparseTravelRow.Builder();
        for (var i = 0; i < 10; i++)
            builder.Reached(i, i * 60.0, i * 1000.0);

        var row = builder.Build(10);

        Assert.Null(row.Reason);
        Assert.Equal(10, row.Reached.Length);
        Assert.Equal((540.0, 9000.0, (string?)null), row[9]);
    }

    [Fact]
    public void Unreached_WholeRow_OneReasonForEveryCell()
    {
        var row = SparseTravelRow.Unreached(3, "source not snapped: far");

        Assert.All(row.ToArray(), c => Assert.Equal((null, null, "source not snapped: far"), c));
        Assert.Throws<IndexOutOfRangeException>(() => row[3]);
    }

    [Fact]
    public void Builder_ColumnReasons_SharedCellsReadWithTheirOwnReason()
    {
        string?[] columns = [null, "target not snapped: nearest road 812 m away", null, "target not snapped: nearest road 95 m away"];
        var builder = new SparseTravelRow.Builder { ColumnReasons = columns };
        builder.Reached(0, 60, 1000);
        builder.Unreached(2, "no path");

        var row = builder.Build(4);

        Assert.Equal(
            [(60.0, 1000.0, null), (null, null, columns[1]), (null, null, "no path"), (null, null, columns[3])],
            row.ToArray());
        Assert.Equal((null, null, columns[3]), row[3]);
        Assert.Empty(row.OtherIndex.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Builder_AnyMixOfReasons_RowReasonIsTheCommonestAndEveryCellReadsBack(int seed)
    {
        // Rows where the first reason met is not the commonest, where reasons tie, and where null reasons win.
        var random = new Random(seed);
        string?[] reasons = [random.Next(2) == 0 ? null : "first", "no path", null, "other"];
        var cells = new (double? Seconds, double? Meters, string? Reason)[random.Next(1, 3000)];
        var bias = random.Next(reasons.Length);
        for (var i = 0; i < cells.Length; i++)
            cells[i] = random.Next(5) == 0 ? (i * 1.5, i * 20.0, null)
                : (null, null, reasons[random.Next(3) == 0 ? bias : random.Next(reasons.Length)]);

        var row = SparseTravelRow.FromCells(cells);

        Assert.Equal(cells, row.ToArray());
        Assert.Equal(Commonest(cells), row.Reason);
        Assert.DoesNotContain(row.Other.ToArray(), c => string.Equals(c.Reason, row.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Builder_TieBetweenReasons_FirstMetWins_NullWinsEveryTie()
    {
        var first = new SparseTravelRow.Builder();
        first.Unreached(0, "a");
        first.Unreached(1, "b");
        Assert.Equal("a", first.Build(2).Reason);

        var withNull = new SparseTravelRow.Builder();
        withNull.Unreached(0, "a");
        withNull.Unreached(1, null);
        var row = withNull.Build(2);
        Assert.Null(row.Reason);
        Assert.Equal([(null, null, "a"), (null, null, null)], row.ToArray());
    }

    // The reason with the most cells; the null reason wins a tie, then the reason met first.
    private static string? Commonest((double? Seconds, double? Meters, string? Reason)[] cells)
    {
        var unreached = cells.Where(c => c.Seconds is null).Select(c => c.Reason).ToList();
        var best = unreached.Count(r => r is null);
        string? common = null;
        foreach (var reason in unreached.Where(r => r is not null).Distinct())
        {
            var count = unreached.Count(r => r == reason);
            if (count > best)
                (common, best) = (reason, count);
        }
        return common;
    }
}
