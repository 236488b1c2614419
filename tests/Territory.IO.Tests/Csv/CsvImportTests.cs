using System.Text;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.Csv;

public sealed class CsvImportTests
{
    private const string SemicolonLonLat =
        "id;nom;bailleur;nb_logements;TYPECONST;lon;lat\r\n" +
        "A1;Résidence Les Érables;Toulouse Métropole Habitat;120;C;1,4442;43,6047\r\n" +
        "A2;\"Cité \"\"Le Mirail\"\"; bât. B\";Patrimoine SA;45;I;1,3980;43,5750\r\n";

    public static TheoryData<string, string, string> Encodings => new()
    {
        { "utf8", "utf-8", SemicolonLonLat },
        { "utf8-bom", "utf-8-bom", SemicolonLonLat },
        { "windows-1252", "1252", SemicolonLonLat },
        { "comma separator", "utf-8", SemicolonLonLat.Replace(',', '.').Replace(';', ',') },
        { "tab separator", "1252", SemicolonLonLat.Replace(';', '\t') },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Import_CsvEncodingsAndSeparators_ReadsAccentsQuotesAndDecimalComma(string name, string encoding, string text)
    {
        Encoding enc = encoding switch
        {
            "utf-8-bom" => new UTF8Encoding(true),
            "1252" => TestData.Windows1252,
            _ => new UTF8Encoding(false),
        };
        var r = LayerImporter.Import(TestData.WriteFile("estates.csv", text, enc), LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.True(r.Accepted == 2, name);
        Assert.Equal("Résidence Les Érables", r.Estates[0].Name);
        Assert.Equal(HousingKind.Collective, r.Estates[0].Housing);
        Assert.Equal(HousingKind.Individual, r.Estates[1].Housing);
        Assert.Equal(165, r.Estates.Sum(e => e.Dwellings));
        Assert.Equal(CrsRegistry.Lambert93, r.TargetCrs);
        var p = (Point)r.Estates[0].Geometry;
        var expected = new Reprojector(4326, 2154).Transform(1.4442, 43.6047);
        Assert.Equal(expected.X, p.X, 0.001);
        Assert.Equal(expected.Y, p.Y, 0.001);
    }

    [Fact]
    public void Import_QuotedFieldWithSeparator_KeepsWholeValue()
    {
        var r = LayerImporter.Import(TestData.WriteFile("q.csv", SemicolonLonLat), LayerKind.Estates, new ImportOptions());
        Assert.Equal("Cité \"Le Mirail\"; bât. B", r.Estates[1].Name);
    }

    [Fact]
    public void Import_WktColumn_ReadsPolygonEstate()
    {
        var text = "code_prog,NB_LGT,geom\n" +
                   "P1,30,\"POLYGON ((1.44 43.60, 1.45 43.60, 1.45 43.61, 1.44 43.61, 1.44 43.60))\"\n";
        var mapping = TestData.WriteFile("m.json", "{\"dwellings\":\"NB_LGT\",\"id\":\"code_prog\"}");
        var r = LayerImporter.Import(TestData.WriteFile("wkt.csv", text), LayerKind.Estates, new ImportOptions { MappingFile = mapping });

        ImportAssert.Balanced(r);
        var e = Assert.Single(r.Estates);
        Assert.Equal("P1", e.Id);
        Assert.IsType<Polygon>(e.Geometry);
        Assert.Equal("geom", r.Mapping[TargetFields.Wkt]);
        Assert.Equal("NB_LGT", r.Mapping[TargetFields.Dwellings]);
    }

    [Fact]
    public void Import_XyDeclaredByCrsOption_KeepsLambert93Coordinates()
    {
        var text = "MATRICULE;X;Y;nb_lgt\n1;574357,2;6279482,5;12\n";
        var r = LayerImporter.Import(TestData.WriteFile("xy.csv", text), LayerKind.Estates, new ImportOptions { Crs = "EPSG:2154" });

        Assert.Equal(2154, r.SourceCrs);
        var p = (Point)r.Estates.Single().Geometry;
        Assert.Equal(574357.2, p.X, 1e-6);
        Assert.Equal(6279482.5, p.Y, 1e-6);
    }

    [Fact]
    public void Import_XyInDegreeRangeWithoutCrs_GuessesWgs84()
    {
        var text = "id;X;Y;logements\n1;1,4442;43,6047;12\n";
        var r = LayerImporter.Import(TestData.WriteFile("xy.csv", text), LayerKind.Estates, new ImportOptions());
        Assert.Equal(4326, r.SourceCrs);
        Assert.Equal(1, r.Accepted);
    }

    [Fact]
    public void Import_SwappedLonLat_SwapsFileWithOneWarning()
    {
        var text = "id;longitude;latitude;dwellings\n1;43,6047;1,4442;10\n2;43,5750;1,3980;20\n3;48,85;2,35;5\n";
        var r = LayerImporter.Import(TestData.WriteFile("swapped.csv", text), LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(3, r.Accepted);
        var warning = Assert.Single(r.Issues, i => i.Code == "latlon_swapped");
        Assert.Equal(0, warning.Row);
        Assert.Equal(3, warning.Message["swapped"]);
        Assert.Equal(3, warning.Message["total"]);
        Assert.Equal("longitude et latitude inversées : 3 positions sur 3 ne tombent en France qu'une fois inversées ; inversées pour tout le fichier", warning.Reason);
        var p = (Point)r.Estates[0].Geometry;
        Assert.InRange(p.Y, 6_270_000, 6_290_000);
    }

    [Fact]
    public void Import_Lambert93ValuesUnderLonLatColumns_ThrowsAskingForCrs2154()
    {
        var text = "id;lon;lat;dwellings\n1;574357;6279482;10\n2;652784;6865619;20\n";
        var e = Assert.Throws<ImportException>(() =>
            LayerImporter.Import(TestData.WriteFile("metres.csv", text), LayerKind.Estates, new ImportOptions()));
        Assert.Equal("import_metres_as_degrees", e.Reason.Code);
        Assert.Contains("--crs EPSG:2154", e.Message);
        Assert.StartsWith("metres.csv :", e.Message);
        Assert.Contains("(574357, 6279482)", e.Reason.Render(Territory.Core.Messages.Lang.En));
    }

    [Fact]
    public void Import_RaggedRow_RejectsRowWithFieldCounts()
    {
        var text = "id;lon;lat;dwellings\n1;1,44;43,60;10\n2;1,44;43,60\n3;1,44;43,60;5;extra\n4;1,45;43,61;7\n";
        var r = LayerImporter.Import(TestData.WriteFile("ragged.csv", text), LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(4, r.Read);
        Assert.Equal(2, r.Accepted);
        Assert.Contains(r.Issues, i => i.Row == 2 && i.Reason == "la ligne a 3\u00a0champs, l'en-tête en a 4");
        Assert.Contains(r.Issues, i => i.Row == 3 && i.Code == "row_field_count" && i.Render(Territory.Core.Messages.Lang.En) == "the row has 5\u00a0fields, the header has 4");
    }

    [Fact]
    public void Import_HeaderOnlyCsv_EmptyResultWithWarning()
    {
        var r = LayerImporter.Import(TestData.WriteFile("header.csv", "id;lon;lat;dwellings\r\n"), LayerKind.Estates, new ImportOptions());

        Assert.Equal(0, r.Read);
        Assert.Equal(0, r.Accepted);
        ImportAssert.Balanced(r);
        Assert.Contains(r.Issues, i => i.Severity == ImportIssueSeverity.Warning && i.Code == "no_data_rows");
    }

    [Fact]
    public void Import_NaNAndAbsurdCoordinates_RejectedWithReasons()
    {
        var text = "id;lon;lat;dwellings\n1;NaN;43,6;10\n2;1,44;Infinity;10\n3;500;43,6;10\n4;-150;-40;10\n5;abc;43,6;10\n6;1,44;43,60;10\n7;1,45;43,61;10\n8;1,46;43,62;10\n";
        var r = LayerImporter.Import(TestData.WriteFile("bad.csv", text), LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(3, r.Accepted);
        Assert.Contains(r.Issues, i => i.Row == 1 && i.Code == "coordinate_not_finite");
        Assert.Contains(r.Issues, i => i.Row == 2 && i.Code == "coordinate_not_finite");
        Assert.Contains(r.Issues, i => i.Row == 3 && i.Code == "degrees_invalid");
        Assert.Contains(r.Issues, i => i.Row == 4 && i.Reason == "hors de France (-150 ; -40)" && i.Render(Territory.Core.Messages.Lang.En) == "outside France (-150, -40)");
        Assert.Contains(r.Issues, i => i.Row == 5 && i.Field == TargetFields.Longitude);
    }

    [Fact]
    public void Import_BadDwellings_RejectedEachWithReason()
    {
        var text = "id;lon;lat;dwellings\n1;1,44;43,60;0\n2;1,44;43,60;-3\n3;1,44;43,60;douze\n4;1,44;43,60;\n5;1,44;43,60;12,5\n6;1,44;43,60;12\n";
        var r = LayerImporter.Import(TestData.WriteFile("dw.csv", text), LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(1, r.Accepted);
        Assert.Equal(5, r.Rejected);
        Assert.All(r.Issues.Where(i => i.Severity == ImportIssueSeverity.Rejected), i => Assert.Equal(TargetFields.Dwellings, i.Field));
        Assert.Contains(r.Issues, i => i.Row == 3 && i.Reason == "nombre de logements « douze » : ce n'est pas un nombre");
        Assert.Contains(r.Issues, i => i.Row == 5 && i.Code == "dwellings_not_positive" && i.Reason == "nombre de logements 12,5 : ce n'est pas un entier positif");
    }

    [Fact]
    public void Import_BinaryFileNamedCsv_ThrowsNamingFile()
    {
        var path = Path.Combine(TestData.NewTempDir(), "garbage.csv");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00, 0x12]);
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, new ImportOptions()));
        Assert.StartsWith("garbage.csv :", e.Message);
        Assert.Equal("csv_binary", e.Reason.Code);
    }

    [Fact]
    public void Import_UnclosedQuote_ThrowsNamingFileAndRow()
    {
        var text = "id;nom;lon;lat;dwellings\n1;ok;1,44;43,60;10\n2;\"unclosed;1,44;43,60;10\n";
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(TestData.WriteFile("quote.csv", text), LayerKind.Estates, new ImportOptions()));
        Assert.StartsWith("quote.csv : CSV mal formé après la ligne de données 1", e.Message);
    }

    [Fact]
    public void Import_LargeWktField_Read()
    {
        var ring = string.Join(", ", Enumerable.Range(0, 5000).Select(i =>
        {
            var a = 2 * Math.PI * i / 5000;
            return FormattableString.Invariant($"{1.44 + 0.01 * Math.Cos(a):F7} {43.6 + 0.01 * Math.Sin(a):F7}");
        }));
        var wkt = $"POLYGON (({ring}, {ring[..ring.IndexOf(',', StringComparison.Ordinal)]}))";
        var r = LayerImporter.Import(TestData.WriteFile("big.csv", $"code;wkt\n31555;\"{wkt}\"\n"), LayerKind.Communes, new ImportOptions());
        Assert.True(wkt.Length > 100_000);
        Assert.Equal(1, r.Accepted);
    }
}
