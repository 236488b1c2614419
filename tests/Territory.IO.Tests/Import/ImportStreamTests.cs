using System.Text;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.IO.Import;

namespace Territory.IO.Tests.Import;

public sealed class ImportStreamTests
{
    // Rejections (dwellings, outside France, ragged), a duplicated id, a generated one, a warning on a kept row.
    private const string Mixed =
        "id;lon;lat;dwellings;nom\n" +
        "A;1,44;43,60;5;Un\n" +
        "B;1,45;43,61;-8;Deux\n" +
        "A;1,46;43,62;7;Trois\n" +
        "C;-70,0;10,0;4;Loin\n" +
        ";1,47;43,63;9;Sans id\n" +
        "A;1,48;43,64;3;Encore\n" +
        "D;1,49;43,65\n" +
        "E;1,50;43,66;12;Cinq\n";

    [Fact]
    public void Open_Estates_SameRowsCountsAndReportAsReadingWhole()
    {
        var path = TestData.WriteFile("mixed.csv", Mixed);
        var whole = LayerImporter.Import(path, LayerKind.Estates, new ImportOptions());

        using var stream = LayerImporter.Open(path, LayerKind.Estates, new ImportOptions());
        var streamed = stream.Estates().ToList();
        var result = stream.Result;

        Assert.Null(stream.Materialized);
        Assert.Equal(whole.TargetCrs, stream.TargetCrs);
        Assert.Equal(whole.Estates.Select(Describe), streamed.Select(Describe));
        Assert.Equal((whole.Read, whole.Accepted, whole.Rejected, whole.Repaired, whole.Warnings, whole.IssueCount),
            (result.Read, result.Accepted, result.Rejected, result.Repaired, result.Warnings, result.IssueCount));
        Assert.Equal(result.Read, result.Accepted + result.Rejected);
        Assert.Equal(whole.Issues.Select(i => (i.Row, i.Field, i.Severity, i.Code)), result.Issues.Select(i => (i.Row, i.Field, i.Severity, i.Code)));
        Assert.Equal(["A", "A#2", "A#3"], streamed.Where(e => e.Id.StartsWith('A')).Select(e => e.Id));
        foreach (var lang in new[] { Lang.Fr, Lang.En })
            Assert.Equal(Report(whole, lang), Report(result, lang));
    }

    [Fact]
    public void Open_ManyIssues_KeepsAPreviewAndWritesEveryIssueToTheReport()
    {
        var text = new StringBuilder("id;lon;lat;dwellings\n");
        for (var i = 1; i <= 1000; i++)
            text.Append("R").Append(i).Append(";1,44;43,60;").Append(i % 2 == 0 ? "5" : "-1").Append('\n');
        var path = TestData.WriteFile("many.csv", text.ToString());

        using var stream = LayerImporter.Open(path, LayerKind.Estates, new ImportOptions());
        Assert.Equal(500, stream.Estates().Count());
        var result = stream.Result;

        Assert.Equal(500, result.Rejected);
        Assert.Equal(500, result.IssueCount);
        Assert.Equal(IssueSpill.PreviewLimit, result.Issues.Count);
        var lines = Report(result, Lang.Fr).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(501, lines.Length);
        Assert.StartsWith("many.csv;999;logements;rejetée;dwellings_not_positive;", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SwappedLonLat_DecidedOnTheFirstReadingAndWarnedOnce()
    {
        var path = TestData.WriteFile("swapped.csv", "id;lon;lat;dwellings\nA;43,60;1,44;5\nB;43,61;1,45;6\nC;43,62;1,46;7\n");

        using var stream = LayerImporter.Open(path, LayerKind.Estates, new ImportOptions());
        var estates = stream.Estates().ToList();

        Assert.Equal(3, estates.Count);
        Assert.Single(stream.Result.Issues, i => i.Code == "latlon_swapped");
        Assert.Equal(LayerImporter.Import(path, LayerKind.Estates, new ImportOptions()).Estates.Select(Describe), estates.Select(Describe));
    }

    [Fact]
    public void Open_OtherLayers_AreReadWhole()
    {
        var path = TestData.WriteFile("a.csv", "id;lon;lat;nom\nA1;1,44;43,60;Agence\n");

        using var stream = LayerImporter.Open(path, LayerKind.Agencies, new ImportOptions());

        Assert.NotNull(stream.Materialized);
        Assert.Single(stream.Result.Agencies);
    }

    [Fact]
    public void Estates_ReadTwice_Throws()
    {
        using var stream = LayerImporter.Open(TestData.WriteFile("e.csv", "id;lon;lat;dwellings\nA;1,44;43,60;5\n"), LayerKind.Estates, new ImportOptions());
        _ = stream.Estates().Count();

        Assert.Throws<InvalidOperationException>(() => stream.Estates());
    }

    [Fact]
    public void Result_BeforeTheRowsAreRead_Throws()
    {
        using var stream = LayerImporter.Open(TestData.WriteFile("e.csv", "id;lon;lat;dwellings\nA;1,44;43,60;5\n"), LayerKind.Estates, new ImportOptions());

        Assert.Throws<InvalidOperationException>(() => stream.Result);
    }

    private static string Describe(Estate e) =>
        FormattableString.Invariant($"{e.Id}|{e.Name}|{e.Dwellings}|{e.Geometry.Coordinate.X:F3}|{e.Geometry.Coordinate.Y:F3}|{e.Geometry.SRID}");

    private static string Report(ImportResult result, Lang lang)
    {
        var path = Path.Combine(TestData.NewTempDir(), "report.csv");
        ImportReportWriter.WriteCsv(result, path, lang);
        return File.ReadAllText(path, Encoding.UTF8);
    }
}
