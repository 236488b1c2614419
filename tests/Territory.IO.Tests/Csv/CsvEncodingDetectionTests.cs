using System.Text;
using Territory.IO.Csv;
using Territory.Core.Model;
using Territory.IO.Import;

namespace Territory.IO.Tests.Csv;

public sealed class CsvEncodingDetectionTests
{
    private const string Header = "id;nom;bailleur;nb_logements;TYPECONST;lon;lat\n";

    /// <summary>Chunk ends of the encoding check and of the readers' buffers (1 KiB, 4 KiB, the 64 KiB detection chunk and its multiples).</summary>
    private static readonly int[] Boundaries = [1024, 4096, CsvFormat.DetectionChunkBytes, 2 * CsvFormat.DetectionChunkBytes, 3 * CsvFormat.DetectionChunkBytes];

    public static TheoryData<string, int> Splits => new()
    {
        { "é", 1 },   // 2 bytes: C3 | A9
        { "€", 1 },   // 3 bytes: E2 | 82 AC
        { "€", 2 },   // E2 82 | AC
        { "😀", 1 },  // 4 bytes: F0 | 9F 98 80
        { "😀", 2 },
        { "😀", 3 },
    };

    /// <summary>A UTF-8 CSV where, at every boundary, one estate name holds <paramref name="character"/> with its first <paramref name="split"/> bytes before the boundary.</summary>
    private static (byte[] Bytes, List<string> Straddling) Straddle(string character, int split)
    {
        var utf8 = new UTF8Encoding(false);
        var bytes = new List<byte>(utf8.GetBytes(Header));
        var straddling = new List<string>();
        int row = 0;
        foreach (int boundary in Boundaries)
        {
            while (bytes.Count + 200 < boundary) bytes.AddRange(utf8.GetBytes($"F{row++};Résidence {row};Bailleur;10;C;1,44;43,60\n"));
            string prefix = $"S{row++};Résidence ";
            int pad = boundary - split - bytes.Count - utf8.GetByteCount(prefix);
            string name = "Résidence " + new string('x', pad) + character + " fin";
            bytes.AddRange(utf8.GetBytes(prefix + name[10..] + ";Bailleur;10;C;1,44;43,60\n"));
            Assert.Equal(utf8.GetBytes(character)[0], bytes[boundary - split]);
            straddling.Add(name);
        }
        for (int i = 0; i < 50; i++) bytes.AddRange(utf8.GetBytes($"T{row++};Résidence {row};Bailleur;10;C;1,44;43,60\n"));
        return (bytes.ToArray(), straddling);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void DetectEncoding_SequenceAcrossEveryChunkBoundary_StaysUtf8(string character, int split)
    {
        var (bytes, _) = Straddle(character, split);
        Assert.Equal(Encoding.UTF8.WebName, CsvFormat.DetectEncoding(new MemoryStream(bytes), "x.csv").WebName);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Import_SequenceAcrossEveryChunkBoundary_ReadsNamesIntact(string character, int split)
    {
        var (bytes, straddling) = Straddle(character, split);
        var path = Path.Combine(TestData.NewTempDir(), "estates.csv");
        File.WriteAllBytes(path, bytes);
        var r = LayerImporter.Import(path, LayerKind.Estates, new ImportOptions());
        Assert.Equal(r.Read, r.Accepted);
        Assert.All(r.Estates, e => Assert.StartsWith("Résidence ", e.Name));
        var names = r.Estates.Where(e => e.Id.StartsWith('S')).Select(e => e.Name!).ToList();
        Assert.Equal(straddling, names);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DetectEncoding_InvalidByteAfterFirstChunk_Windows1252(bool cutAtEnd)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(Header));
        while (bytes.Count < 3 * CsvFormat.DetectionChunkBytes / 2) bytes.AddRange(Encoding.ASCII.GetBytes("E1;Residence;B;10;C;1,44;43,60\n"));
        if (cutAtEnd) bytes.AddRange([0xE2, 0x82]); // a 3-byte sequence the file ends in the middle of
        else bytes.AddRange(TestData.Windows1252.GetBytes("E2;Résidence;B;10;C;1,44;43,60\n"));
        Assert.Equal(1252, CsvFormat.DetectEncoding(new MemoryStream(bytes.ToArray()), "x.csv").CodePage);
    }
}
