using System.Text;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.Spreadsheet;

/// <summary>An Excel workbook imports as the same data in CSV does: same fields, CRS handling and report.</summary>
public sealed class XlsxImportTests
{
    private static readonly object?[][] Programmes =
    [
        ["code_programme", "nom", "bailleur", "nb_logements", "typeconst", "construct", "depcom", "longitude", "latitude"],
        ["P1", "Les Érables", "Habitat Sud", 120, "C", 1968, "31555", 1.4442, 43.6047],
        ["P2", "Le Hameau", "Habitat Sud", 8, "I", 1990, "31069", 1.3980, 43.5750],
        ["P3", "Régularisation", "Habitat Sud", -8, "C", 2001, "31555", 1.45, 43.61],
        [null, null, null, null, null, null, null, null, null],
        ["P4", "Hors de France", "Habitat Sud", 30, "C", 1975, "31555", -150, -40],
        ["P1", "Doublon", "Habitat Sud", 12, "C", 1975, "31555", 1.46, 43.62],
    ];

    private static string Csv(object?[][] rows) =>
        string.Join("\n", rows.Where(r => r.Any(v => v is not null)).Select(r => string.Join(';', r.Select(v => v switch
        {
            null => "",
            double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','),
            _ => v.ToString(),
        })))) + "\n";

    [Fact]
    public void Import_SameProgrammesInXlsxAndCsv_SameLayerAndSameReport()
    {
        var dir = TestData.NewTempDir();
        var xlsx = XlsxWriter.Write(Path.Combine(dir, "programmes.xlsx"), ("Patrimoine", Programmes));
        var csv = TestData.WriteFile("programmes.csv", Csv(Programmes), Encoding.UTF8);

        var fromXlsx = LayerImporter.Import(xlsx, LayerKind.Estates, new ImportOptions());
        var fromCsv = LayerImporter.Import(csv, LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(fromXlsx);
        Assert.Equal(fromCsv.Read, fromXlsx.Read);
        Assert.Equal(fromCsv.Accepted, fromXlsx.Accepted);
        Assert.Equal(fromCsv.Mapping, fromXlsx.Mapping);
        Assert.Equal(fromCsv.SourceCrs, fromXlsx.SourceCrs);
        Assert.Equal(fromCsv.Estates.Count, fromXlsx.Estates.Count);
        for (var i = 0; i < fromCsv.Estates.Count; i++)
        {
            var (c, x) = (fromCsv.Estates[i], fromXlsx.Estates[i]);
            Assert.True(c.Geometry.EqualsExact(x.Geometry, 1e-6), c.Id);
            Assert.Equal(c with { Geometry = x.Geometry }, x);
        }
        Assert.Equal(fromCsv.Issues.Select(i => (i.Row, i.Field, i.Code, i.Reason)), fromXlsx.Issues.Select(i => (i.Row, i.Field, i.Code, i.Reason)));
        Assert.Contains(fromXlsx.Issues, i => i.Code == "dwellings_not_positive");
        Assert.Contains(fromXlsx.Issues, i => i.Code == "outside_france");
        Assert.Contains(fromXlsx.Estates, e => e.Id == "P1#2");
    }

    [Fact]
    public void Import_WorkbookWithSeveralSheets_AsksForOneAndReadsTheChosenOne()
    {
        var path = XlsxWriter.Write(Path.Combine(TestData.NewTempDir(), "classeur.xlsx"),
            ("Lisez-moi", [["Ce classeur contient le patrimoine"], ["Version 2"]]), ("Patrimoine", Programmes), ("Vide", []));
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, new ImportOptions()));
        Assert.Equal("import_sheet_choose", e.Reason.Code);
        Assert.Equal(["Lisez-moi", "Patrimoine"], e.Layers);

        var r = LayerImporter.Import(path, LayerKind.Estates, new ImportOptions { LayerName = "patrimoine" });
        Assert.Equal(5, r.Read);
        var missing = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, new ImportOptions { LayerName = "Agences" }));
        Assert.Equal("import_sheet_missing", missing.Reason.Code);
    }

    [Fact]
    public void Import_NotAWorkbook_OneLineReasonNamingTheFile()
    {
        var path = TestData.WriteFile("faux.xlsx", "PK pas un classeur");
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, new ImportOptions()));
        Assert.StartsWith("faux.xlsx : ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
