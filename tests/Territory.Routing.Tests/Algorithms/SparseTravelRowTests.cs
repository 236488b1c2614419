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
}
