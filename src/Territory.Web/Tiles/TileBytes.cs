using System.IO.Compression;

namespace Territory.Web.Tiles;

/// <summary>A tile as kept: its gzip bytes (what browsers ask for) and the length of the raw tile; empty for a tile without features.</summary>
/// <remarks>Only the compressed bytes are held (a third to a half of the raw size); a client that refuses gzip gets them inflated.</remarks>
internal sealed record TileBytes(byte[] Gzip, int RawLength)
{
    private static readonly TileBytes Nothing = new([], 0);

    /// <summary>True for a tile without features (answered 204).</summary>
    public bool IsEmpty => RawLength == 0;

    /// <summary>Compresses a cut tile.</summary>
    public static TileBytes Of(byte[] raw)
    {
        if (raw.Length == 0)
            return Nothing;
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(raw);
        return new TileBytes(output.ToArray(), raw.Length);
    }

    /// <summary>The raw tile.</summary>
    public byte[] Raw()
    {
        if (IsEmpty)
            return [];
        var raw = new byte[RawLength];
        using var gzip = new GZipStream(new MemoryStream(Gzip), CompressionMode.Decompress);
        gzip.ReadExactly(raw);
        return raw;
    }
}
