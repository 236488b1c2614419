using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

public sealed class CompactIdSetTests
{
    [Fact]
    public void TryAdd_ManyIds_FindsEveryDuplicateWithItsFirstRow()
    {
        var set = new CompactIdSet();
        for (var i = 0; i < 100_000; i++)
            Assert.True(set.TryAdd("E" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture), i + 1, out _));

        Assert.False(set.TryAdd("E0054321", 200_000, out var first));
        Assert.Equal(54_322, first);
        Assert.True(set.Contains("E0099999"));
        Assert.False(set.Contains("E0100000"));
        Assert.Equal(100_000, set.Count);
    }

    [Fact]
    public void TryAdd_NonAsciiAndLongIds_ComparedByTheirBytes()
    {
        var set = new CompactIdSet();
        var longId = new string('é', 400);

        Assert.True(set.TryAdd("Résidence", 1, out _));
        Assert.True(set.TryAdd("Residence", 2, out _));
        Assert.True(set.TryAdd(longId, 3, out _));
        Assert.False(set.TryAdd(longId, 4, out var first));
        Assert.Equal(3, first);
    }
}
