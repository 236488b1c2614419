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
        var outs = Out[u];
        for (int i = 0; i < OutCount[u]; i++)
        {
            if (outs[i].Node != x) continue;
            if (weightMs < outs[i].WeightMs)
            {
                outs[i].WeightMs = weightMs; outs[i].DistanceMeters = distanceMeters;
                var ins = In[x];
                for (int j = 0; j < InCount[x]; j++)
                    if (ins[j].Node == u) { ins[j].WeightMs = weightMs; ins[j].DistanceMeters = distanceMeters; break; }
            }
            return;
        }
        Append(ref Out[u], ref OutCount[u], new Arc { Node = x, WeightMs = weightMs, DistanceMeters = distanceMeters });
        Append(ref In[x], ref InCount[x], new Arc { Node = u, WeightMs = weightMs, DistanceMeters = distanceMeters });
    }

    /// <summary>Removes every arc between v and its neighbours from the neighbours' lists.</summary>
    public void Detach(int v)
    {
        for (int i = 0; i < InCount[v]; i++) Remove(Out, OutCount, In[v][i].Node, v);
        for (int i = 0; i < OutCount[v]; i++) Remove(In, InCount, Out[v][i].Node, v);
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
