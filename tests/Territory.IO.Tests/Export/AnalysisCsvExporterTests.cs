using System.Text;
using Territory.IO.Export;
using Territory.IO.Tests.Reports;

namespace Territory.IO.Tests.Export;

public sealed class AnalysisCsvExporterTests
{
    [Fact]
    public void Write_Scenario_HasBomSemicolonsAndOneRowPerTerritory()
    {
        var result = ReportScenario.Run();
        using var ms = new MemoryStream();
        AnalysisCsvExporter.Write(result, ms);
        var bytes = ms.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(result.Territories.Count + 1, lines.Length);
        Assert.StartsWith("id;nom;nature;commune;qpv;type;", lines[0], StringComparison.Ordinal);
        var qpv = lines.Single(l => l.StartsWith("69259-QP069001;", StringComparison.Ordinal));
        Assert.Contains(";priority_district;", qpv, StringComparison.Ordinal);
        Assert.Contains(";applicable;1,5;1;0,5;", qpv, StringComparison.Ordinal); // 150 dwellings → 1.5 FTE required, 1 declared, 0.5 missing
    }

    [Theory]
    [InlineData(1.5, 2, "1,5")]
    [InlineData(1234.56, 1, "1234,6")]
    [InlineData(3.0, 2, "3")]
    public void N_Number_UsesDecimalCommaWithoutGrouping(double value, int decimals, string expected) =>
        Assert.Equal(expected, AnalysisCsvExporter.N(value, decimals));

    [Fact]
    public void Quote_FieldWithSemicolonAndQuote_IsQuotedAndDoubled() =>
        Assert.Equal("\"a;\"\"b\"\"\"", AnalysisCsvExporter.Quote("a;\"b\""));

    [Fact]
    public void WriteEnsembles_Scenario_FlagsDeficitWithDecimalComma()
    {
        using var ms = new MemoryStream();
        AnalysisCsvExporter.WriteEnsembles(ReportScenario.Run(), ms);
        var text = Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n");
        Assert.StartsWith("ensemble;bailleur;organisme;programmes;logements;type_connu;qpv;population_commune;statut;cas;etp_requis;", lines[0], StringComparison.Ordinal);
        var row = lines.Single(l => l.StartsWith("ENS-QPV150;", StringComparison.Ordinal));
        // 150 collective dwellings in a QPV: 1.5 FTE required, the lodge's 1 FTE declared on site, 0.5 missing.
        Assert.Contains(";applicable;quartier prioritaire;1,5;1;0;0,5;", row, StringComparison.Ordinal);
    }

    [Fact]
    public void WritePlanAndStaff_Scenario_OneRowPerPlanLineAndPerLevel()
    {
        var result = ReportScenario.Run();
        using var plan = new MemoryStream();
        AnalysisCsvExporter.WritePlan(result, plan);
        var planLines = Encoding.UTF8.GetString(plan.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(result.Territories.Sum(t => t.Plan.Count) + 1, planLines.Length);
        Assert.Contains(planLines, l => l.Contains(";relay_place;", StringComparison.Ordinal) || l.Contains(";mobile_agency;", StringComparison.Ordinal));
        Assert.Contains(planLines, l => l.Contains(";à créer;", StringComparison.Ordinal));
        using var staff = new MemoryStream();
        AnalysisCsvExporter.WriteStaff(result, staff);
        var staffLines = Encoding.UTF8.GetString(staff.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("niveau;id;nom;type;besoin_site_etp;", staffLines[0], StringComparison.Ordinal);
        Assert.Contains(staffLines, l => l.StartsWith("territoire;69259-QP069001;", StringComparison.Ordinal));
        Assert.Contains(staffLines, l => l.StartsWith("agence;AG1;", StringComparison.Ordinal));
        Assert.Contains(staffLines, l => l.StartsWith("type;priority_district;", StringComparison.Ordinal));
        Assert.Contains(staffLines, l => l.StartsWith("organisme;organisation;Bailleur A;", StringComparison.Ordinal));
    }
}
