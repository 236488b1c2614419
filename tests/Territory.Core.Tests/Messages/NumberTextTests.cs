using Territory.Core.Messages;

namespace Territory.Core.Tests.Messages;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(2736, 0, "2\u202f736")]
    [InlineData(198.8, 1, "198,8")]
    [InlineData(0.4, 1, "0,4")]
    [InlineData(1234567.25, 2, "1\u202f234\u202f567,25")]
    [InlineData(-0.04, 1, "0")]
    [InlineData(-0.0, 0, "0")]
    [InlineData(2.0, 2, "2")]
    public void Format_French(double value, int decimals, string expected) =>
        Assert.Equal(expected, NumberText.Format(value, decimals, Lang.Fr));

    [Theory]
    [InlineData(2736, 0, "2,736")]
    [InlineData(198.8, 1, "198.8")]
    [InlineData(-0.04, 1, "0")]
    public void Format_English(double value, int decimals, string expected) =>
        Assert.Equal(expected, NumberText.Format(value, decimals, Lang.En));

    [Theory]
    [InlineData(3, 0, "+3")]
    [InlineData(-2.5, 1, "-2,5")]
    [InlineData(-0.01, 1, "0")]
    [InlineData(0.0, 0, "0")]
    public void Signed_NeverMinusZero(double value, int decimals, string expected) =>
        Assert.Equal(expected, NumberText.Signed(value, decimals, Lang.Fr));

    [Fact]
    public void Percent_BothLanguages()
    {
        Assert.Equal("42\u00a0%", NumberText.Percent(0.42, 0, Lang.Fr));
        Assert.Equal("42.5%", NumberText.Percent(0.425, 1, Lang.En));
    }

    [Fact]
    public void Fixed_KeepsZeros() => Assert.Equal("2,50", NumberText.Fixed(2.5, 2, Lang.Fr));
}
