using System.Runtime.CompilerServices;
namespace Territory.Routing.Graph;

public sealed partial class RoadGraph
{
    /// <summary>Builds the forward and reverse CSR adjacency from edge arrays (and the components when not given).</summary>
    /// <remarks>Two counting-sort passes over the edges: linear, so loading a file rebuilds it instead of storing it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static RoadGraph Create(int[] lon, int[] lat, int[] from, int[] to, int[] dur, float[] distance, byte[] flags,
        int[] shapeFirst, int[] shapeLon, int[] shapeLat, int[]? componentOfNode, int componentCount)
    {
        int n = lon.Length, e = from.Length;
        var firstOut = new int[n + 1];
        var firstIn = new int[n + 1];
        int arcs = 0;
        for (int i = 0; i < e; i++)
        {
            if ((flags[i] & ForwardFlag) != 0) { firstOut[from[i] + 1]++; firstIn[to[i] + 1]++; arcs++; }
            if ((flags[i] & BackwardFlag) != 0) { firstOut[to[i] + 1]++; firstIn[from[i] + 1]++; arcs++; }
        }
        for (int v = 0; v < n; v++) { firstOut[v + 1] += firstOut[v]; firstIn[v + 1] += firstIn[v]; }
        var outHead = new int[arcs]; var outEdge = new int[arcs]; var outW = new int[arcs];
        var inTail = new int[arcs]; var inEdge = new int[arcs]; var inW = new int[arcs];
        var outPos = firstOut[..n]; var inPos = firstIn[..n];
        for (int i = 0; i < e; i++)
        {
            int a = from[i], b = to[i], w = dur[i];
            if ((flags[i] & ForwardFlag) != 0)
            {
                int o = outPos[a]++; outHead[o] = b; outEdge[o] = i; outW[o] = w;
                int k = inPos[b]++; inTail[k] = a; inEdge[k] = i; inW[k] = w;
            }
            if ((flags[i] & BackwardFlag) != 0)
            {
                int o = outPos[b]++; outHead[o] = a; outEdge[o] = i; outW[o] = w;
                int k = inPos[a]++; inTail[k] = b; inEdge[k] = i; inW[k] = w;
            }
        }
        if (componentOfNode is null) (componentOfNode, componentCount) = StronglyConnectedComponents.Compute(n, firstOut, outHead);
        return new RoadGraph(lon, lat, from, to, dur, distance, flags, shapeFirst, shapeLon, shapeLat,
            firstOut, outHead, outEdge, outW, firstIn, inTail, inEdge, inW, componentOfNode, componentCount);
    }
}
