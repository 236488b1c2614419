using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Territory.Routing.Graph;

public sealed partial class RoadGraph
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("TRTYRGRF");

    /// <summary>Current version of the binary graph format.</summary>
    public const int FormatVersion = 2;

    /// <summary>Writes the graph in the Territory binary format.</summary>
    /// <remarks>
    /// Layout (little endian): 8-byte magic <c>TRTYRGRF</c>, int32 version (2), int32 counts
    /// (nodes, edges, shape points, arcs, components), then the raw arrays in a fixed order
    /// (node lon/lat E7; edge from, to, duration ms, distance m (float32), flags (bit 1 forward,
    /// bit 2 backward); shape offsets (edges + 1) and shape lon/lat E7; component per node), then
    /// a uint64 checksum of all bytes between the magic and the checksum. The CSR adjacency is
    /// not stored: it is rebuilt in two linear passes on load, which is faster than reading it.
    /// </remarks>
    public void Save(Stream stream)
    {
        var sum = new Checksum64();
        stream.Write(Magic);
        Span<int> header = [FormatVersion, NodeCount, EdgeCount, ShapeLonE7.Length, ArcCount, ComponentCount];
        Write(stream, header, ref sum);
        Write(stream, NodeLonE7, ref sum); Write(stream, NodeLatE7, ref sum);
        Write(stream, EdgeFrom, ref sum); Write(stream, EdgeTo, ref sum); Write(stream, EdgeDurationMs, ref sum);
        Write(stream, EdgeDistanceMeters, ref sum); Write(stream, EdgeFlags, ref sum);
        Write(stream, EdgeShapeFirst, ref sum); Write(stream, ShapeLonE7, ref sum); Write(stream, ShapeLatE7, ref sum);
        Write(stream, ComponentOfNode, ref sum);
        stream.Write(BitConverter.GetBytes(sum.Value));
    }

    /// <summary>Writes the graph to a file (see <see cref="Save(Stream)"/>).</summary>
    public void Save(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Save(file);
    }

    /// <summary>Reads a graph written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">Wrong magic, unknown version or checksum mismatch.</exception>
    public static RoadGraph Load(Stream stream)
    {
        var magic = new byte[Magic.Length];
        stream.ReadExactly(magic);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a Territory road graph file (bad magic).");
        var sum = new Checksum64();
        var header = new int[6];
        Read(stream, header, ref sum);
        if (header[0] != FormatVersion) throw new InvalidDataException($"Unsupported road graph format version {header[0]} (expected {FormatVersion}).");
        int n = header[1], e = header[2], s = header[3], a = header[4], c = header[5];
        if (n < 0 || e < 0 || s < 0 || a < 0 || c < 0) throw new InvalidDataException("Corrupt road graph header.");
        var nodeLon = Read<int>(stream, n, ref sum); var nodeLat = Read<int>(stream, n, ref sum);
        var from = Read<int>(stream, e, ref sum); var to = Read<int>(stream, e, ref sum); var dur = Read<int>(stream, e, ref sum);
        var dist = Read<float>(stream, e, ref sum); var flags = Read<byte>(stream, e, ref sum);
        var shapeFirst = Read<int>(stream, e + 1, ref sum); var shapeLon = Read<int>(stream, s, ref sum); var shapeLat = Read<int>(stream, s, ref sum);
        var comp = Read<int>(stream, n, ref sum);
        var stored = new byte[8];
        stream.ReadExactly(stored);
        if (BitConverter.ToUInt64(stored) != sum.Value) throw new InvalidDataException("Road graph checksum mismatch (file truncated or corrupt).");
        if (shapeFirst[e] != s || !AllBelow(from, n) || !AllBelow(to, n))
            throw new InvalidDataException("Corrupt road graph: inconsistent edge arrays.");
        var graph = Create(nodeLon, nodeLat, from, to, dur, dist, flags, shapeFirst, shapeLon, shapeLat, comp, c);
        if (graph.ArcCount != a) throw new InvalidDataException("Corrupt road graph: arc count mismatch.");
        return graph;
    }

    /// <summary>Reads a graph file written by <see cref="Save(string)"/>.</summary>
    public static RoadGraph Load(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Load(file);
    }

    /// <summary>True when every value is in [0, bound): a vectorised unsigned maximum.</summary>
    private static bool AllBelow(int[] values, int bound)
    {
        var span = MemoryMarshal.Cast<int, uint>(values.AsSpan());
        var vectors = MemoryMarshal.Cast<uint, Vector<uint>>(span);
        var max = Vector<uint>.Zero;
        foreach (var v in vectors) max = Vector.Max(max, v);
        uint m = 0;
        for (int i = 0; i < Vector<uint>.Count; i++) m = Math.Max(m, max[i]);
        for (int i = vectors.Length * Vector<uint>.Count; i < span.Length; i++) m = Math.Max(m, span[i]);
        return span.Length == 0 || m < (uint)bound;
    }

    private static void Write<T>(Stream stream, ReadOnlySpan<T> values, ref Checksum64 sum) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        sum.Append(bytes);
        stream.Write(bytes);
    }

    private static void Read<T>(Stream stream, Span<T> values, ref Checksum64 sum) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        stream.ReadExactly(bytes);
        sum.Append(bytes);
    }

    private static T[] Read<T>(Stream stream, int count, ref Checksum64 sum) where T : unmanaged
    {
        var values = GC.AllocateUninitializedArray<T>(count);
        Read<T>(stream, values, ref sum);
        return values;
    }
}
