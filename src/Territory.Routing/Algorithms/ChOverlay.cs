namespace Territory.Routing.Algorithms;

/// <summary>Mutable adjacency of the not-yet-contracted nodes during hierarchy construction.</summary>
internal sealed class ChOverlay
{
    public struct Arc
    {
        public int Node;
        public int WeightMs;
        public float DistanceMeters;
    }

    public readonly Arc[][] Out;
    public readonly Arc[][] In;
    public readonly int[] OutCount;
    public readonly int[] InCount;

    public ChOverlay(int nodeCount)
    {
        Out = new Arc[nodeCount][]; In = new Arc[nodeCount][];
        OutCount = new int[nodeCount]; InCount = new int[nodeCount];
        for (int v = 0; v < nodeCount; v++) { Out[v] = []; In[v] = []; }
    }

    /// <summary>Adds u → x or lowers its weight if a parallel arc exists.</summary>
    public void AddOrImprove(int u, int x, int weightMs, float distanceMeters)
    {
        if (u == x) return;
        AddOrImproveOut(u, x, weightMs, distanceMeters);
        AddOrImproveIn(u, x, weightMs, distanceMeters);
    }

    /// <summary>The half of <see cref="AddOrImprove"/> that changes u's outgoing list only.</summary>
    public void AddOrImproveOut(int u, int x, int weightMs, float distanceMeters)
    {
        var arc = new Arc { Node = x, WeightMs = weightMs, DistanceMeters = distanceMeters };
        if (!Improve(Out[u], OutCount[u], arc)) Append(ref Out[u], ref OutCount[u], arc);
    }

    /// <summary>The half of <see cref="AddOrImprove"/> that changes x's incoming list only.</summary>
    public void AddOrImproveIn(int u, int x, int weightMs, float distanceMeters)
    {
        var arc = new Arc { Node = u, WeightMs = weightMs, DistanceMeters = distanceMeters };
        if (!Improve(In[x], InCount[x], arc)) Append(ref In[x], ref InCount[x], arc);
    }

    /// <summary>Removes every arc between v and its neighbours from the neighbours' lists.</summary>
    public void Detach(int v)
    {
        for (int i = 0; i < InCount[v]; i++) RemoveOut(In[v][i].Node, v);
        for (int i = 0; i < OutCount[v]; i++) RemoveIn(Out[v][i].Node, v);
    }

    /// <summary>Removes the arc owner → node from owner's outgoing list.</summary>
    public void RemoveOut(int owner, int node) => Remove(Out, OutCount, owner, node);

    /// <summary>Removes the arc node → owner from owner's incoming list.</summary>
    public void RemoveIn(int owner, int node) => Remove(In, InCount, owner, node);

    /// <summary>True when the list already holds an arc to the same node (lowered to the new weight if that is smaller).</summary>
    private static bool Improve(Arc[] list, int count, Arc arc)
    {
        for (int i = 0; i < count; i++)
        {
            if (list[i].Node != arc.Node) continue;
            if (arc.WeightMs < list[i].WeightMs) list[i] = arc;
            return true;
        }
        return false;
    }

    private static void Remove(Arc[][] lists, int[] counts, int owner, int node)
    {
        var list = lists[owner];
        for (int i = 0; i < counts[owner]; i++)
        {
            if (list[i].Node != node) continue;
            list[i] = list[--counts[owner]];
            return;
        }
    }

    private static void Append(ref Arc[] list, ref int count, Arc arc)
    {
        if (count == list.Length) Array.Resize(ref list, Math.Max(4, count * 2));
        list[count++] = arc;
    }
}
