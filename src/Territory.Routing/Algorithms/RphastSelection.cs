using System.Runtime.CompilerServices;

namespace Territory.Routing.Algorithms;

/// <summary>The part of a hierarchy's downward graph that can reach a fixed set of targets (RPHAST).</summary>
/// <remarks>
/// Delling, Goldberg, Werneck, "Faster batched shortest paths in road networks" (2011). Built once
/// per target set: the nodes from which a target is reachable by downward arcs, kept in sweep
/// order with their downward arcs renumbered to that compact range, so each source's sweep reads
/// only this sub-graph, sequentially. Read-only and shared by the threads of a matrix.
/// </remarks>
internal sealed class RphastSelection
{
    /// <summary>Compact index of a sweep position, -1 when the position is not selected.</summary>
    internal readonly int[] LocalOfPosition;
    internal readonly int[] Position;
    internal readonly int[] First;
    internal readonly int[] Tail;
    internal readonly int[] WeightMs;
    internal readonly float[] DistanceMeters;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RphastSelection(ContractionHierarchy ch, ReadOnlySpan<int> targetNodes)
    {
        Hierarchy = ch;
        int n = ch.Graph.NodeCount;
        int[] downFirst = ch.DownFirst, downTail = ch.DownTail;
        var local = new int[n];
        var stack = new int[Math.Max(16, targetNodes.Length)];
        int top = 0, count = 0, arcs = 0;
        foreach (int t in targetNodes)
        {
            int p = ch.PositionOfNode[t];
            if (local[p] != 0) continue;
            local[p] = 1;
            Push(ref stack, ref top, p);
        }
        while (top > 0)
        {
            int p = stack[--top];
            count++;
            arcs += downFirst[p + 1] - downFirst[p];
            for (int a = downFirst[p], end = downFirst[p + 1]; a < end; a++)
            {
                int q = downTail[a];
                if (local[q] != 0) continue;
                local[q] = 1;
                Push(ref stack, ref top, q);
            }
        }
        Position = new int[count];
        First = new int[count + 1];
        Tail = new int[arcs]; WeightMs = new int[arcs]; DistanceMeters = new float[arcs];
        int i = 0;
        for (int p = 0; p < n; p++)
        {
            if (local[p] == 0) { local[p] = -1; continue; }
            local[p] = i;
            Position[i++] = p;
        }
        int k = 0;
        for (i = 0; i < count; i++)
        {
            int p = Position[i];
            First[i] = k;
            for (int a = downFirst[p], end = downFirst[p + 1]; a < end; a++, k++)
            {
                Tail[k] = local[downTail[a]];
                WeightMs[k] = ch.DownWeightMs[a];
                DistanceMeters[k] = ch.DownDistanceMeters[a];
            }
        }
        First[count] = k;
        LocalOfPosition = local;
    }

    public ContractionHierarchy Hierarchy { get; }

    /// <summary>Number of selected nodes (the sweep length).</summary>
    public int Count => Position.Length;

    private static void Push(ref int[] stack, ref int top, int value)
    {
        if (top == stack.Length) Array.Resize(ref stack, stack.Length * 2);
        stack[top++] = value;
    }
}
