using Territory.Core.Analysis;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;

namespace Territory.Core.Tests.Presence;

public sealed class PresenceReasonTextTests
{
    [Fact]
    public void Run_Scenario_EveryReasonIsFilledFrenchSentence()
    {
        var r = TerritoryAnalysis.Run(Scenario.Build(), TypologyConfig.Default);
        var reasons = r.Territories.SelectMany(t => t.Presence).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, p =>
        {
            Assert.DoesNotContain("{", p.Reason, StringComparison.Ordinal);
            Assert.True(char.IsUpper(p.Reason[0]) || char.IsDigit(p.Reason[0]), p.Reason);
            Assert.EndsWith(".", p.Reason, StringComparison.Ordinal);
        });
        Assert.All(r.Territories.Select(t => t.Decision.Rule), rule => Assert.DoesNotContain("{", rule, StringComparison.Ordinal));
    }
}
