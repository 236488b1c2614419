using Territory.Core.Messages;
using Territory.IO.Travel;

namespace Territory.IO.Tests.Travel;

public sealed class TravelReasonsTests
{
    [Theory]
    [InlineData(Lang.Fr, "au-delà de 60 min à vol d'oiseau : temps non retenu")]
    [InlineData(Lang.En, "beyond 60 min in straight line: time not kept")]
    public void Render_BeyondTheStraightLineLimit_SaysItInTheLanguage(Lang lang, string expected)
    {
        Assert.Equal("routing_beyond_estimate_limit", TravelReasons.Of("beyond 60 min in straight line")!.Code);
        Assert.Equal(expected, TravelReasons.Render("beyond 60 min in straight line", lang));
    }

    [Fact]
    public void Render_NoPath_Known()
    {
        Assert.Equal("aucun itinéraire routier", TravelReasons.Render("no path", Lang.Fr));
    }
}
