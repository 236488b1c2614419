using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Shapefile;
using Territory.IO.Tests.Import;
using EsriShapefile = NetTopologySuite.IO.Esri.Shapefile;

namespace Territory.IO.Tests.Shapefile;

/// <summary>Hostile shapefiles and archives, each written by the test: bombs, escaping paths, truncations, crafted lengths, DOS code pages.</summary>
[Collection(ZipCollection.Name)]
public sealed class ShapefileRobustnessTests
{
    private static readonly ImportOptions Mapped = new() { MappingFile = TestData.WriteFile("map.json", """{"dwellings":"NB_LGT","id":"MATRICULE","name":"NOM"}""") };

    /// <summary>n estates around Toulouse in Lambert-93, named « Résidence n ».</summary>
    private static string Write(string dir, int n, string name = "residences", Encoding? encoding = null)
    {
        var to93 = new Reprojector(4326, 2154);
        var features = Enumerable.Range(1, n).Select(i =>
        {
            var (x, y) = to93.Transform(1.40 + i * 0.001, 43.60 + i * 0.001);
            return new Feature(new Point(x, y), new AttributesTable { { "MATRICULE", $"G{i:000}" }, { "NOM", $"Résidence {i}" }, { "NB_LGT", 10 + i } });
        }).ToList();
        var shp = Path.Combine(dir, name + ".shp");
        EsriShapefile.WriteAllFeatures(features, shp, CrsRegistry.WktOf(CrsRegistry.Lambert93), encoding ?? Encoding.UTF8);
        return shp;
    }

    private static string Zip(string dir, Action<ZipArchive> fill, string name = "archive.zip")
    {
        var path = Path.Combine(dir, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        fill(zip);
        return path;
    }

    private static string[] ExtractionFolders() => Directory.GetDirectories(Path.GetTempPath(), "territory-zip-*");

    [Fact]
    public void Extract_ZipBomb_RefusedWithinItsLimitsAndNoFolderLeft()
    {
        var dir = TestData.NewTempDir();
        var before = ExtractionFolders();
        // 64 MB of zeros deflate to about 64 KB: announced as a shapefile's table.
        var zip = Zip(dir, z =>
        {
            Add(z, "bombe.shp", new byte[100]);
            var entry = z.CreateEntry("bombe.dbf", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
                s.Write(zeros);
        });

        var bySize = Assert.Throws<ImportException>(() => ShapefileZip.Extract(zip, "archive.zip", null, new ShapefileZip.Limits(32 << 20, 64 << 20, 1000)));
        Assert.Equal("zip_entry_too_large", bySize.Reason.Code);
        var byRatio = Assert.Throws<ImportException>(() => ShapefileZip.Extract(zip, "archive.zip", null, new ShapefileZip.Limits(1L << 30, 2L << 30, 100)));
        Assert.Equal("zip_bomb", byRatio.Reason.Code);
        Assert.Contains("bombe.dbf", byRatio.Message);
        Assert.Equal(before, ExtractionFolders());
    }

    [Fact]
    public void Extract_EntryLargerThanAnnounced_RefusedWhileCopying()
    {
        var dir = TestData.NewTempDir();
        var shp = Write(TestData.NewTempDir(), 3);
        var zip = Zip(dir, z =>
        {
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(shp)!))
                z.CreateEntryFromFile(f, Path.GetFileName(f), CompressionLevel.NoCompression);
        });
        // Announce a smaller .dbf than it is, in both the local and the central headers.
        var bytes = File.ReadAllBytes(zip);
        var dbfSize = (int)new FileInfo(Path.ChangeExtension(shp, ".dbf")).Length;
        Patch(bytes, dbfSize, dbfSize - 10);
        File.WriteAllBytes(zip, bytes);
        var before = ExtractionFolders();

        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(zip, LayerKind.Estates, Mapped));

        Assert.Contains(e.Reason.Code, new[] { "zip_size_mismatch", "zip_unreadable" });
        Assert.Equal(before, ExtractionFolders());
    }

    [Theory]
    [InlineData("../evasion.shp")]
    [InlineData("dossier/../../evasion.shp")]
    [InlineData("/etc/evasion.shp")]
    [InlineData("C:/Windows/evasion.shp")]
    [InlineData("lien.shp")]
    public void Import_ZipWithDangerousEntry_RefusedNamingItAndNoFolderLeft(string entryName)
    {
        var dir = TestData.NewTempDir();
        var shp = Write(TestData.NewTempDir(), 2);
        var zip = Zip(dir, z =>
        {
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(shp)!))
                z.CreateEntryFromFile(f, Path.GetFileName(f));
            var entry = z.CreateEntry(entryName);
            if (entryName == "lien.shp")
                entry.ExternalAttributes = unchecked((int)0xA1FF0000); // lrwxrwxrwx
            using var s = entry.Open();
            s.Write("/etc/passwd"u8);
        });
        var before = ExtractionFolders();

        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(zip, LayerKind.Estates, Mapped with { LayerName = "residences" }));

        Assert.Equal("zip_unsafe_entry", e.Reason.Code);
        Assert.Contains(entryName, e.Message);
        Assert.Equal(before, ExtractionFolders());
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "evasion.shp")));
    }

    [Fact]
    public void Import_ZippedShapefile_OnlyItsPartsAreExtracted()
    {
        var dir = TestData.NewTempDir();
        var shp = Write(TestData.NewTempDir(), 4);
        var zip = Zip(dir, z =>
        {
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(shp)!))
                z.CreateEntryFromFile(f, "donnees/" + Path.GetFileName(f).ToUpperInvariant());
            Add(z, "donnees/notice.pdf", new byte[5000]);
        });
        var r = LayerImporter.Import(zip, LayerKind.Estates, Mapped);
        ImportAssert.Balanced(r);
        Assert.Equal(4, r.Accepted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_TruncatedShp_ReportedAsDamagedWithTheCounts(bool zipped)
    {
        var dir = TestData.NewTempDir();
        var shp = Write(dir, 10);
        using (var f = new FileStream(shp, FileMode.Open))
            f.SetLength(300);
        var path = shp;
        if (zipped)
        {
            path = Path.Combine(TestData.NewTempDir(), "tronque.zip");
            ZipFile.CreateFromDirectory(dir, path);
        }

        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, Mapped));

        Assert.Equal("shapefile_shp_truncated", e.Reason.Code);
        Assert.Equal(10L, Convert.ToInt64(e.Reason["expected"]));
        Assert.Equal(300L, Convert.ToInt64(e.Reason["actual"]));
        Assert.True(Convert.ToInt64(e.Reason["records"]) < 10);
        Assert.Contains("rien n'a été importé", e.Message);
    }

    [Fact]
    public void Import_CraftedRecordLength_RefusedWithoutAllocatingIt()
    {
        var dir = TestData.NewTempDir();
        var shp = Write(dir, 10); // 100-byte header + 10 × 28-byte point records = 380 bytes
        // The first record claims 2^31 words (4 GB) of content in a 380-byte file.
        var bytes = File.ReadAllBytes(shp)[..380];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(104), int.MaxValue);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(24), 380 / 2);
        File.WriteAllBytes(shp, bytes);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(shp, LayerKind.Estates, Mapped));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal("shapefile_record_beyond_end", e.Reason.Code);
        Assert.True(allocated < 16 << 20, $"{allocated >> 20} MB allocated to refuse a 380-byte file");
    }

    [Fact]
    public void Import_DbfOfAnotherShapefile_CountsDifferRefused()
    {
        var dir = TestData.NewTempDir();
        var shp = Write(dir, 10);
        var other = Write(TestData.NewTempDir(), 9);
        File.Copy(Path.ChangeExtension(other, ".dbf"), Path.ChangeExtension(shp, ".dbf"), overwrite: true);

        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(shp, LayerKind.Estates, Mapped));

        Assert.Equal("shapefile_counts_differ", e.Reason.Code);
        Assert.Equal(10L, Convert.ToInt64(e.Reason["shp"]));
        Assert.Equal(9L, Convert.ToInt64(e.Reason["dbf"]));
    }

    [Theory]
    [InlineData(0x02, null)]
    [InlineData(0x00, "850")]
    [InlineData(0x00, "OEM 850")]
    [InlineData(0x57, "CP850")]
    public void Import_Cp850Table_AccentsRead(byte driver, string? cpg)
    {
        var dir = TestData.NewTempDir();
        var cp850 = CodePagesEncodingProvider.Instance.GetEncoding(850)!;
        var shp = Write(dir, 2, encoding: cp850);
        var dbf = Path.ChangeExtension(shp, ".dbf");
        File.Delete(Path.ChangeExtension(shp, ".cpg"));
        if (cpg is not null)
            File.WriteAllText(Path.ChangeExtension(shp, ".cpg"), cpg);
        var table = File.ReadAllBytes(dbf);
        table[29] = driver;
        File.WriteAllBytes(dbf, table);
        Assert.Contains((byte)0x82, table); // é in CP850

        var r = LayerImporter.Import(shp, LayerKind.Estates, Mapped);

        Assert.Equal(["Résidence 1", "Résidence 2"], r.Estates.Select(e => e.Name));
    }

    [Fact]
    public void Import_UnknownCpg_RefusedNamingIt()
    {
        var dir = TestData.NewTempDir();
        var shp = Write(dir, 2);
        File.WriteAllText(Path.ChangeExtension(shp, ".cpg"), "KLINGON-42x");
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(shp, LayerKind.Estates, Mapped));
        Assert.Equal("shapefile_cpg_unknown", e.Reason.Code);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(content);
    }

    /// <summary>Replaces every little-endian 32-bit <paramref name="from"/> that follows a zip header signature by <paramref name="to"/>.</summary>
    private static void Patch(byte[] zip, int from, int to)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(zip.AsSpan(i)) == from && (HeaderBefore(zip, i, 0x04034b50, 22) || HeaderBefore(zip, i, 0x02014b50, 24)))
                BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(i), to);
        }
    }

    private static bool HeaderBefore(byte[] zip, int at, int signature, int offset) =>
        at - offset >= 0 && BinaryPrimitives.ReadInt32LittleEndian(zip.AsSpan(at - offset)) == signature;
}

/// <summary>Tests that count the extraction folders run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ZipCollection
{
    public const string Name = "Shapefile zips";
}
