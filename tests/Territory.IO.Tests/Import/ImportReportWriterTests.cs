using System.Text;
using Territory.Core.Model;
using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

public sealed class ImportReportWriterTests
{
    [Fact]
    public void WriteCsv_ImportWithIssues_WritesBomHeaderAndOneLinePerIssue()
    {
        var text = "id;lon;lat;dwellings\n1;1,44;43,60;-8\n1;1,44;43,60;5\n1;1,45;43,61;6\n";
        var r = LayerImporter.Import(TestData.WriteFile("e.csv", text), LayerKind.Estates, new ImportOptions());
        var path = Path.Combine(TestData.NewTempDir(), "report.csv");

        ImportReportWriter.WriteCsv(r, path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file;row;field;severity;reason", lines[0]);
        Assert.Equal(r.Issues.Count + 1, lines.Length);
        Assert.Contains("e.csv;1;dwellings;Rejected;dwellings -8 is not a positive whole number", lines);
        Assert.Contains(lines, l => l.StartsWith("e.csv;3;id;Warning;\"duplicate id 1 (first at row 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_NoIdColumn_GeneratesRowIdsAndWarnsOnce()
    {
        var text = "lon;lat;dwellings\n1,44;43,60;5\n1,45;43,61;6\n1,46;43,62;7\n";
        var r = LayerImporter.Import(TestData.WriteFile("noid.csv", text), LayerKind.Estates, new ImportOptions());

        Assert.Equal(["row-1", "row-2", "row-3"], r.Estates.Select(e => e.Id));
        Assert.Single(r.Issues, i => i.Field == TargetFields.Id);
    }

    [Fact]
    public void Import_EmptyFeatureCollection_EmptyResultWithWarning()
    {
        var r = LayerImporter.Import(TestData.WriteFile("none.geojson", """{"type":"FeatureCollection","features":[]}"""), LayerKind.Communes, new ImportOptions());
        Assert.Equal(0, r.Read);
        Assert.Contains(r.Issues, i => i.Reason.StartsWith("no data rows", StringComparison.Ordinal));
    }
}
