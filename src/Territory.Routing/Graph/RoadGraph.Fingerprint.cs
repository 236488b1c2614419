using System.Runtime.InteropServices;

namespace Territory.Routing.Graph;

public sealed partial class RoadGraph
{
    private ulong? _fingerprint;

    /// <summary>A 64-bit fingerprint of what travel times depend on: node and shape positions, edge ends, durations, distances and directions.</summary>
    /// <remarks>
    /// Computed once from the loaded arrays, whatever store the graph came from (file beside a GeoPackage, rows of a
    /// PostGIS schema): two graphs with the same fingerprint give the same snapping and the same times. Not cryptographic.
    /// </remarks>
    public ulong Fingerprint => _fingerprint ??= ComputeFingerprint();

    private ulong ComputeFingerprint()
    {
        var sum = new Checksum64();
        sum.Append(MemoryMarshal.AsBytes(NodeLonE7.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(NodeLatE7.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(EdgeFrom.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(EdgeTo.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(EdgeDurationMs.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(EdgeDistanceMeters.AsSpan()));
        sum.Append(EdgeFlags);
        sum.Append(MemoryMarshal.AsBytes(EdgeShapeFirst.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(ShapeLonE7.AsSpan()));
        sum.Append(MemoryMarshal.AsBytes(ShapeLatE7.AsSpan()));
        return sum.Value;
    }
}
