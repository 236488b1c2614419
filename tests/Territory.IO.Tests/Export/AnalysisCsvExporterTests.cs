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
        Assert.Contains(";1,5;", qpv, StringComparison.Ordinal); // 150 dwellings → 1.5 FTE, decimal comma
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
        var row = text.Split("\r\n").Single(l => l.StartsWith("ENS-QPV150;", StringComparison.Ordinal));
        Assert.Contains(";oui;1,5;1;oui;", row, StringComparison.Ordinal);
    }
}
