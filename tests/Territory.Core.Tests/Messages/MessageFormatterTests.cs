using Territory.Core.Messages;

namespace Territory.Core.Tests.Messages;

public sealed class MessageFormatterTests
{
    [Theory]
    [InlineData(0, "0\u00a0logement")]
    [InlineData(1, "1\u00a0logement")]
    [InlineData(2, "2\u00a0logements")]
    [InlineData(2736, "2\u202f736\u00a0logements")]
    public void Count_FrenchPlurals(int count, string expected) =>
        Assert.Equal(expected, Message.Of("dwellings", ("count", count)).Render(Lang.Fr));

    [Theory]
    [InlineData(0, "0\u00a0dwellings")]
    [InlineData(1, "1\u00a0dwelling")]
    [InlineData(2736, "2,736\u00a0dwellings")]
    public void Count_EnglishPlurals(int count, string expected) =>
        Assert.Equal(expected, Message.Of("dwellings", ("count", count)).Render(Lang.En));

    [Fact]
    public void NestedMessage_RendersInTheSameLanguage()
    {
        var outer = Message.Of("unexpected_error", ("type", Message.Of("yes")), ("detail", "x"));
        Assert.Equal("erreur inattendue (oui) : x", outer.Render(Lang.Fr));
        Assert.Equal("unexpected error (yes): x", outer.Render(Lang.En));
    }

    [Fact]
    public void ToString_IsFrench() => Assert.Equal("oui", Message.Of("yes").ToString());

    [Fact]
    public void Placeholders_ListsNamesOnce() =>
        Assert.Equal(["a", "b"], Catalogue.PlaceholdersOf("{a} {b:n1} {{literal}} {a:pct}"));
}
