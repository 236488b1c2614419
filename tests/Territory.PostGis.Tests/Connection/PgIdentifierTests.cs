using Territory.Core.Messages;
using Territory.PostGis.Connection;

namespace Territory.PostGis.Tests.Connection;

public sealed class PgIdentifierTests
{
    [Theory]
    [InlineData("estates")]
    [InlineData("_x1")]
    [InlineData("travel_estates")]
    public void Quote_PlainName_Quoted(string name) => Assert.Equal("\"" + name + "\"", PgIdentifier.Quote(name));

    [Theory]
    [InlineData("x\"; DROP TABLE estates; --")]
    [InlineData("a b")]
    [InlineData("Estates")]
    [InlineData("1x")]
    [InlineData("")]
    [InlineData("é")]
    [InlineData("x;y")]
    [InlineData("x'y")]
    public void Quote_AnythingElse_Refused(string name) =>
        Assert.Equal("postgis_identifier_invalid", Assert.Throws<ReasonException>(() => PgIdentifier.Quote(name)).Reason.Code);

    [Fact]
    public void Quote_TooLong_Refused() =>
        Assert.Throws<ReasonException>(() => PgIdentifier.Quote(new string('a', PgIdentifier.MaxLength + 1)));
}
