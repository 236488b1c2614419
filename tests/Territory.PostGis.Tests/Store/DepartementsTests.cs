using Territory.PostGis.Store;

namespace Territory.PostGis.Tests.Store;

public sealed class DepartementsTests
{
    [Theory]
    [InlineData("31555", "31")]
    [InlineData("75112", "75")]
    [InlineData("2A004", "2a")]
    [InlineData("2B033", "2b")]
    [InlineData("97105", "971")]
    [InlineData("97611", "976")]
    [InlineData("01001", "01")]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("3155", "")]
    [InlineData("ABCDE", "")]
    [InlineData("31X55", "")]
    public void Of_CommuneCode_Departement(string? commune, string expected) => Assert.Equal(expected, Departements.Of(commune));
}
