using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;
using EsriShapefile = NetTopologySuite.IO.Esri.Shapefile;

namespace Territory.IO.Tests.Shapefile;

[Collection(ZipCollection.Name)]
public sealed class ShapefileImportTests
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Two estates in Toulouse, Lambert-93, written with NTS's shapefile writer and a .prj.</summary>
    private static string WriteEstates(string dir, string name = "estates", bool prj = true)
    {
        var to93 = new Reprojector(4326, 2154);
        var (x1, y1) = to93.Transform(1.4442, 43.6047);
        var (x2, y2) = to93.Transform(1.3980, 43.5750);
        var features = new[]
        {
            new Feature(Factory.CreatePoint(new Coordinate(x1, y1)), new AttributesTable { { "MATRICULE", "G001" }, { "NB_LGT", 120 }, { "BAILLEUR", "Habitat Toulousain" }, { "DEPCOM", "31555" } }),
            new Feature(Factory.CreatePoint(new Coordinate(x2, y2)), new AttributesTable { { "MATRICULE", "G002" }, { "NB_LGT", 45 }, { "BAILLEUR", "Société Émeraude" }, { "DEPCOM", "31555" } }),
        };
        var shp = Path.Combine(dir, name + ".shp");
        EsriShapefile.WriteAllFeatures(features, shp, prj ? CrsRegistry.WktOf(CrsRegistry.Lambert93) : null, Encoding.UTF8);
        return shp;
    }

    private static readonly ImportOptions Mapped = new() { MappingFile = TestData.WriteFile("map.json", """{"dwellings":"NB_LGT"}""") };

    [Fact]
    public void Import_LooseShapefileWithPrj_ReadsLambert93AndAttributes()
    {
        var shp = WriteEstates(TestData.NewTempDir());
        var r = LayerImporter.Import(shp, LayerKind.Estates, Mapped);

        ImportAssert.Balanced(r);
        Assert.Equal(CrsRegistry.Lambert93, r.SourceCrs);
        Assert.Equal(2, r.Accepted);
        Assert.Equal(["G001", "G002"], r.Estates.Select(e => e.Id));
        Assert.Equal("Société Émeraude", r.Estates[1].Landlord);
        Assert.Equal("31555", r.Estates[0].CommuneCode);
        Assert.Equal(165, r.Estates.Sum(e => e.Dwellings));
    }

    [Fact]
    public void Import_ZippedShapefile_ExtractsAndReads()
    {
        var dir = TestData.NewTempDir();
        WriteEstates(dir);
        var zip = Path.Combine(TestData.NewTempDir(), "estates.zip");
        ZipFile.CreateFromDirectory(dir, zip);

        var r = LayerImporter.Import(zip, LayerKind.Estates, Mapped);

        ImportAssert.Balanced(r);
        Assert.Equal(2, r.Accepted);
        Assert.Equal(CrsRegistry.Lambert93, r.SourceCrs);
    }

    [Fact]
    public void Import_ShapefileWithoutPrj_GuessesLambert93FromValues()
    {
        var shp = WriteEstates(TestData.NewTempDir(), prj: false);
        var r = LayerImporter.Import(shp, LayerKind.Estates, Mapped);
        Assert.Equal(CrsRegistry.Lambert93, r.SourceCrs);
    }

    [Fact]
    public void Import_PrjInLambert2Etendu_RecognisedByWktContent()
    {
        var dir = TestData.NewTempDir();
        var shp = WriteEstates(dir);
        // The .prj as ESRI/GDAL write it for EPSG:27572 (no AUTHORITY): the values must still decide.
        File.WriteAllText(Path.ChangeExtension(shp, ".prj"),
            "PROJCS[\"NTF_Paris_Lambert_II_etendu\",GEOGCS[\"GCS_NTF_Paris\",DATUM[\"D_NTF\",SPHEROID[\"Clarke_1880_IGN\",6378249.2,293.4660212936269]],PRIMEM[\"Paris\",2.337229166666667],UNIT[\"Grad\",0.01570796326794897]],PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",600000.0],PARAMETER[\"False_Northing\",2200000.0],PARAMETER[\"Central_Meridian\",0.0],PARAMETER[\"Standard_Parallel_1\",52.0],PARAMETER[\"Scale_Factor\",0.99987742],PARAMETER[\"Latitude_Of_Origin\",52.0],UNIT[\"Meter\",1.0]]");
        var r = LayerImporter.Import(shp, LayerKind.Estates, Mapped with { Crs = null });
        Assert.Equal(CrsRegistry.Lambert2Etendu, r.SourceCrs);
    }

    [Fact]
    public void Import_ShapefileWithoutDbf_ThrowsNamingTheMissingFile()
    {
        var shp = WriteEstates(TestData.NewTempDir());
        File.Delete(Path.ChangeExtension(shp, ".dbf"));
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(shp, LayerKind.Estates, Mapped));
        Assert.StartsWith("estates.shp :", e.Message);
        Assert.Contains(".dbf", e.Message);
    }

    [Fact]
    public void Import_ZipWithoutShapefile_Throws()
    {
        var dir = TestData.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "readme.txt"), "nothing here");
        var zip = Path.Combine(TestData.NewTempDir(), "empty.zip");
        ZipFile.CreateFromDirectory(dir, zip);
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(zip, LayerKind.Estates, Mapped));
        Assert.Equal("empty.zip : l'archive ne contient aucun shapefile (.shp).", e.Message);
    }

    [Fact]
    public void Import_ZipWithTwoShapefiles_NeedsLayerThenReadsIt()
    {
        var dir = TestData.NewTempDir();
        WriteEstates(dir, "north");
        WriteEstates(dir, "south");
        var zip = Path.Combine(TestData.NewTempDir(), "two.zip");
        ZipFile.CreateFromDirectory(dir, zip);

        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(zip, LayerKind.Estates, Mapped));
        Assert.Contains("--layer", e.Message);
        Assert.Contains("north", e.Message);
        var r = LayerImporter.Import(zip, LayerKind.Estates, Mapped with { LayerName = "south" });
        Assert.Equal(2, r.Accepted);
    }
}
