using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Tests.Analysis;
using Territory.Core.Typology;

namespace Territory.Core.Tests.Presence;

public sealed class PresenceReasonTextTests
{
    [Theory]
    [InlineData(Lang.Fr)]
    [InlineData(Lang.En)]
    public void Run_Scenario_EveryPlanReasonStakeAndContextIsAFilledSentence(Lang lang)
    {
        var r = TerritoryAnalysis.Run(Scenario.Build(), TypologyConfig.Default);
        var texts = r.Territories.SelectMany(t => t.Plan.Select(p => p.Reason).Concat(t.Stakes).Concat(t.Context).Concat(t.Organisation))
            .Concat(r.Notes).Select(m => m.Render(lang)).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, text =>
        {
            Assert.True(Catalogue.Has(text) is false, text);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.True(char.IsUpper(text[0]) || char.IsDigit(text[0]), text);
            Assert.EndsWith(".", text, StringComparison.Ordinal);
            Assert.DoesNotContain("seed", text, StringComparison.OrdinalIgnoreCase);
        });
    }
}
