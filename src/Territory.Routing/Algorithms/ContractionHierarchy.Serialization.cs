using System.Runtime.InteropServices;
using System.Text;
using Territory.Routing.Graph;

namespace Territory.Routing.Algorithms;

public sealed partial class ContractionHierarchy
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("TRTYCHv2");

    /// <summary>Writes the hierarchy so it need not be rebuilt; it stays bound to its graph.</summary>
    /// <param name="stream">Destination.</param>
    /// <remarks>
    /// Layout: magic <c>TRTYCHv2</c>, int32 node count, int32 edge count, int32 up/down arc counts,
    /// uint64 fingerprint of the graph's edge ends, durations and directions, the arrays, then a
    /// uint64 checksum. A hierarchy whose fingerprint differs from the graph's is refused.
    /// </remarks>
    public void Save(Stream stream)
    {
        var sum = new Checksum64();
        stream.Write(Magic);
        Span<int> header = [Graph.NodeCount, Graph.EdgeCount, UpHead.Length, DownTail.Length];
        Write(stream, header, ref sum);
        Write<ulong>(stream, [Fingerprint(Graph)], ref sum);
        Write(stream, PositionOfNode, ref sum);
        Write(stream, UpFirst, ref sum); Write(stream, UpHead, ref sum); Write(stream, UpWeightMs, ref sum); Write(stream, UpDistanceMeters, ref sum);
        Write(stream, DownFirst, ref sum); Write(stream, DownTail, ref sum); Write(stream, DownWeightMs, ref sum); Write(stream, DownDistanceMeters, ref sum);
        stream.Write(BitConverter.GetBytes(sum.Value));
    }

    /// <summary>Writes the hierarchy to a file (see <see cref="Save(Stream)"/>).</summary>
    public void Save(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Save(file);
    }

    /// <summary>Reads a hierarchy file written by <see cref="Save(string)"/> for the same graph.</summary>
    /// <exception cref="InvalidDataException">Bad magic, checksum, or a hierarchy of another graph.</exception>
    public static ContractionHierarchy Load(string path, RoadGraph graph)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Load(file, graph);
    }

    /// <summary>Reads a hierarchy written by <see cref="Save(Stream)"/> for the same graph.</summary>
    /// <exception cref="InvalidDataException">Bad magic, checksum, or a hierarchy of another graph.</exception>
    public static ContractionHierarchy Load(Stream stream, RoadGraph graph)
    {
        var magic = new byte[Magic.Length];
        stream.ReadExactly(magic);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a Territory contraction hierarchy file.");
        var sum = new Checksum64();
        var header = Read<int>(stream, 4, ref sum);
        var fingerprint = Read<ulong>(stream, 1, ref sum)[0];
        if (header[0] != graph.NodeCount || header[1] != graph.EdgeCount || fingerprint != Fingerprint(graph))
            throw new InvalidDataException("The contraction hierarchy was built for another road graph.");
        int n = header[0], up = header[2], down = header[3];
        if (up < 0 || down < 0) throw new InvalidDataException("Corrupt contraction hierarchy header.");
        var position = Read<int>(stream, n, ref sum);
        var upFirst = Read<int>(stream, n + 1, ref sum); var upHead = Read<int>(stream, up, ref sum);
        var upW = Read<int>(stream, up, ref sum); var upD = Read<float>(stream, up, ref sum);
        var downFirst = Read<int>(stream, n + 1, ref sum); var downTail = Read<int>(stream, down, ref sum);
        var downW = Read<int>(stream, down, ref sum); var downD = Read<float>(stream, down, ref sum);
        var stored = new byte[8];
        stream.ReadExactly(stored);
        if (BitConverter.ToUInt64(stored) != sum.Value) throw new InvalidDataException("Contraction hierarchy checksum mismatch.");
        return new ContractionHierarchy(graph, position, upFirst, upHead, upW, upD, downFirst, downTail, downW, downD);
    }

    private static ulong Fingerprint(RoadGraph graph)
    {
        var sum = new Checksum64();
        sum.Append(MemoryMarshal.AsBytes(graph.EdgeDurationMs.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(graph.EdgeFrom.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(graph.EdgeTo.AsSpan()));
        sum.Append(graph.EdgeFlags);
        return sum.Value;
    }

    private static void Write<T>(Stream stream, ReadOnlySpan<T> values, ref Checksum64 sum) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        sum.Append(bytes);
        stream.Write(bytes);
    }

    private static T[] Read<T>(Stream stream, int count, ref Checksum64 sum) where T : unmanaged
    {
        var values = GC.AllocateUninitializedArray<T>(count);
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        stream.ReadExactly(bytes);
        sum.Append(bytes);
        return values;
    }
}
