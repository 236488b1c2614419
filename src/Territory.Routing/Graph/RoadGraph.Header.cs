namespace Territory.Routing.Graph;

public sealed partial class RoadGraph
{
    /// <summary>Node and edge counts of a graph file, from its header alone (a few bytes read).</summary>
    /// <returns>The counts, or null when the file is not a Territory road graph of this format version.</returns>
    public static (int Nodes, int Edges)? ReadCounts(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64);
        Span<byte> head = stackalloc byte[8 + 4 * 3];
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head[..8].SequenceEqual(Magic))
            return null;
        var version = BitConverter.ToInt32(head[8..12]);
        var nodes = BitConverter.ToInt32(head[12..16]);
        var edges = BitConverter.ToInt32(head[16..20]);
        return version == FormatVersion && nodes >= 0 && edges >= 0 ? (nodes, edges) : null;
    }
}
