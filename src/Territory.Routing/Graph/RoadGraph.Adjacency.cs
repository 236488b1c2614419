using System.Runtime.CompilerServices;
namespace Territory.Routing.Graph;

public sealed partial class RoadGraph
{
    /// <summary>Builds the forward and reverse CSR adjacency from edge arrays (and the components when not given).</summary>
    /// <remarks>
    /// Counting sort over the edges, linear, so loading a file rebuilds it instead of storing it
    /// (storing it would triple the file for no gain: the cost is touching the fresh memory, which
    /// reading would pay too). The forward and reverse sides are independent and built in parallel.
    /// </remarks>
    internal static RoadGraph Create(int[] lon, int[] lat, int[] from, int[] to, int[] dur, float[] distance, byte[] flags,
        int[] shapeFirst, int[] shapeLon, int[] shapeLat, int[]? componentOfNode, int componentCount)
    {
        int n = lon.Length;
        var sides = new (int[] First, int[] Other, int[] Edge, int[] Weight)[2];
        if (from.Length < 100_000)
        {
            sides[0] = BuildSide(n, from, to, dur, flags);
            sides[1] = BuildSide(n, to, from, dur, flags);
        }
        else
        {
            Parallel.Invoke(() => sides[0] = BuildSide(n, from, to, dur, flags), () => sides[1] = BuildSide(n, to, from, dur, flags));
        }
        var (outSide, inSide) = (sides[0], sides[1]);
        if (componentOfNode is null) (componentOfNode, componentCount) = StronglyConnectedComponents.Compute(n, outSide.First, outSide.Other);
        return new RoadGraph(lon, lat, from, to, dur, distance, flags, shapeFirst, shapeLon, shapeLat,
            outSide.First, outSide.Other, outSide.Edge, outSide.Weight, inSide.First, inSide.Other, inSide.Edge, inSide.Weight,
            componentOfNode, componentCount);
    }

    /// <summary>Arcs keyed by <paramref name="key"/> (edge From for the forward side, To for the reverse one), in edge order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] First, int[] Other, int[] Edge, int[] Weight) BuildSide(int n, int[] key, int[] other, int[] dur, byte[] flags)
    {
        int e = key.Length;
        var first = new int[n + 1];
        int arcs = 0;
        for (int i = 0; i < e; i++)
        {
            int f = flags[i];
            if ((f & ForwardFlag) != 0) { first[key[i] + 1]++; arcs++; }
            if ((f & BackwardFlag) != 0) { first[other[i] + 1]++; arcs++; }
        }
        for (int v = 0; v < n; v++) first[v + 1] += first[v];
        var head = GC.AllocateUninitializedArray<int>(arcs);
        var edge = GC.AllocateUninitializedArray<int>(arcs);
        var weight = GC.AllocateUninitializedArray<int>(arcs);
        var pos = first[..n];
        for (int i = 0; i < e; i++)
        {
            int a = key[i], b = other[i], w = dur[i], f = flags[i];
            if ((f & ForwardFlag) != 0) { int o = pos[a]++; head[o] = b; edge[o] = i; weight[o] = w; }
            if ((f & BackwardFlag) != 0) { int o = pos[b]++; head[o] = a; edge[o] = i; weight[o] = w; }
        }
        return (first, head, edge, weight);
    }
}
