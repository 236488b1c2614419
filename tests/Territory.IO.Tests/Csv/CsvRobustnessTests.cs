using System.Text;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.Csv;

/// <summary>CSV files as Excel and information systems really save them, and as they break.</summary>
public sealed class CsvRobustnessTests
{
    private const string Estates = "id;nom;nb_logements;lon;lat\nA;Résidence des Érables;40;2.35;48.85\nB;Cité Jardin;25;2.36;48.86\n";

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Import_Utf16_ReadWithAccentsIntact(bool bigEndian, bool bom)
    {
        var r = LayerImporter.Import(TestData.WriteFile("unicode.csv", Estates, new UnicodeEncoding(bigEndian, bom)), LayerKind.Estates, new ImportOptions());
        ImportAssert.Balanced(r);
        Assert.Equal(["Résidence des Érables", "Cité Jardin"], r.Estates.Select(e => e.Name));
    }

    [Fact]
    public void Import_ZeroByteFarIntoTheFile_RefusedAsBinaryWithItsPosition()
    {
        var text = new StringBuilder("id;nom;nb_logements;lon;lat\n");
        for (var i = 0; i < 20_000; i++)
            text.Append("E").Append(i).Append(";Résidence;10;2.35;48.85\n");
        var bytes = new UTF8Encoding(false).GetBytes(text.ToString()).ToList();
        var at = bytes.Count - 100; // far beyond the first 64 KB
        bytes.Insert(at, 0);
        var path = Path.Combine(TestData.NewTempDir(), "nul.csv");
        File.WriteAllBytes(path, [.. bytes]);

        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, new ImportOptions()));

        Assert.Equal("csv_binary", e.Reason.Code);
        Assert.Equal((long)at, Convert.ToInt64(e.Reason["offset"]));
    }

    [Fact]
    public void Import_HeaderLineWithoutEnd_RefusedBeforeFillingMemory()
    {
        var path = Path.Combine(TestData.NewTempDir(), "une-ligne.csv");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            var chunk = new string('x', 1 << 16);
            for (var i = 0; i < 48; i++) // 3 MB, no line break
                w.Write(chunk);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, new ImportOptions()));

        Assert.Equal("csv_header_too_long", e.Reason.Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 64 << 20);
    }
}
