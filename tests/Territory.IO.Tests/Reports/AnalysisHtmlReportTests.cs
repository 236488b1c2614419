using System.Text.RegularExpressions;
using Territory.IO.Reports;

namespace Territory.IO.Tests.Reports;

public sealed class AnalysisHtmlReportTests
{
    [Fact]
    public void Render_Scenario_OneSectionPerTerritoryWithInlineSvgMap()
    {
        var result = ReportScenario.Run();
        var html = AnalysisHtmlReport.Render(result);
        var sections = Regex.Split(html, "<section class=\"territory\"").Skip(1).ToList();
        Assert.Equal(result.Territories.Count, sections.Count);
        Assert.All(sections, s => Assert.Contains("<svg", s, StringComparison.Ordinal));
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Scenario_IsSelfContainedAndFrench()
    {
        var html = AnalysisHtmlReport.Render(ReportScenario.Run());
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("Grands quartiers d'habitat social".Replace("'", "&#x27;", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.Contains("Pourquoi ce type", html, StringComparison.Ordinal);
        Assert.Contains("29", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileOrganisationName_IsEscaped()
    {
        var html = AnalysisHtmlReport.Render(ReportScenario.Run());
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CaretakingDeficit_IsFlagged()
    {
        var html = AnalysisHtmlReport.Render(ReportScenario.Run());
        Assert.Contains("L271-1", html, StringComparison.Ordinal);
        Assert.Contains("class=\"flag\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Scenario_ActionPlanStakesStaffAndCaretakingWithoutInternalReferences()
    {
        var html = System.Net.WebUtility.HtmlDecode(AnalysisHtmlReport.Render(ReportScenario.Run()));
        Assert.Contains("Plan d'action : ce qui est à créer ou à renforcer", html, StringComparison.Ordinal);
        Assert.Contains("Enjeux de gestion", html, StringComparison.Ordinal);
        Assert.Contains("Accompagner le renouvellement urbain", html, StringComparison.Ordinal);
        Assert.Contains("Moyens et besoins", html, StringComparison.Ordinal);
        Assert.Contains("à vérifier par le service juridique", html, StringComparison.Ordinal);
        Assert.Contains("Code de la construction et de l'habitation", html, StringComparison.Ordinal);
        Assert.Contains("questionnaire 2022", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("seed", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Aucune couche de quartiers prioritaires", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoQpvLayer_WarnsThatLargeDistrictsCannotOccur()
    {
        var result = ReportScenario.Run();
        var noQpv = Territory.Core.Analysis.TerritoryAnalysis.Run(result.Input with { Districts = [] }, result.Config);
        var html = System.Net.WebUtility.HtmlDecode(AnalysisHtmlReport.Render(noQpv));
        Assert.Contains("aucune couche de quartiers prioritaires (QPV) n'est chargée", html, StringComparison.Ordinal);
    }
}
