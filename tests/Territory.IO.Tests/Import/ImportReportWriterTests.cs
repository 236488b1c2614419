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
        Assert.Equal("fichier;ligne;champ;gravité;code;motif", lines[0]);
        Assert.Equal(r.Issues.Count + 1, lines.Length);
        Assert.Contains("e.csv;1;logements;rejetée;dwellings_not_positive;nombre de logements -8 : ce n'est pas un entier positif", lines);
        Assert.Contains(lines, l => l == "e.csv;3;identifiant;avertissement;id_duplicate;identifiant 1 en double (première occurrence ligne 2) : conservé sous 1#2");
    }

    [Fact]
    public void WriteCsv_English_WritesEnglishHeadersAndReasonsWithTheSameCodes()
    {
        var text = "id;lon;lat;dwellings\n1;1,44;43,60;-8\n";
        var r = LayerImporter.Import(TestData.WriteFile("e.csv", text), LayerKind.Estates, new ImportOptions());
        var path = Path.Combine(TestData.NewTempDir(), "report.csv");

        ImportReportWriter.WriteCsv(r, path, Territory.Core.Messages.Lang.En);

        var lines = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file;row;field;severity;code;reason", lines[0]);
        Assert.Contains("e.csv;1;dwellings;rejected;dwellings_not_positive;dwellings -8 is not a positive whole number", lines);
    }

    [Fact]
    public void Import_NoIdColumn_GeneratesRowIdsAndWarnsOnce()
    {
        var text = "lon;lat;dwellings\n1,44;43,60;5\n1,45;43,61;6\n1,46;43,62;7\n";
        var r = LayerImporter.Import(TestData.WriteFile("noid.csv", text), LayerKind.Estates, new ImportOptions());

        Assert.Equal(["ligne-1", "ligne-2", "ligne-3"], r.Estates.Select(e => e.Id));
        Assert.Single(r.Issues, i => i.Field == TargetFields.Id);
    }

    [Fact]
    public void Import_EmptyFeatureCollection_EmptyResultWithWarning()
    {
        var r = LayerImporter.Import(TestData.WriteFile("none.geojson", """{"type":"FeatureCollection","features":[]}"""), LayerKind.Communes, new ImportOptions());
        Assert.Equal(0, r.Read);
        Assert.Contains(r.Issues, i => i.Code == "no_data_rows");
    }
}
