using System.Runtime.CompilerServices;
namespace Territory.Routing.Graph;

/// <summary>Iterative Tarjan strongly-connected components over a CSR adjacency.</summary>
/// <remarks>No recursion: graphs reach millions of nodes.</remarks>
internal static class StronglyConnectedComponents
{
    /// <summary>Returns the component id of each node and the number of components.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int[] ComponentOfNode, int ComponentCount) Compute(int nodeCount, int[] firstOut, int[] head)
    {
        var index = new int[nodeCount];
        var low = new int[nodeCount];
        var comp = new int[nodeCount];
        var onStack = new bool[nodeCount];
        Array.Fill(index, -1);
        var stack = new int[nodeCount];
        int stackTop = 0;
        var callNode = new int[nodeCount];
        var callArc = new int[nodeCount];
        int next = 0, compCount = 0;
        for (int root = 0; root < nodeCount; root++)
        {
            if (index[root] >= 0) continue;
            int depth = 0;
            callNode[0] = root; callArc[0] = firstOut[root];
            index[root] = low[root] = next++;
            stack[stackTop++] = root; onStack[root] = true;
            while (depth >= 0)
            {
                int v = callNode[depth];
                int a = callArc[depth];
                if (a < firstOut[v + 1])
                {
                    callArc[depth] = a + 1;
                    int w = head[a];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack[stackTop++] = w; onStack[w] = true;
                        depth++;
                        callNode[depth] = w; callArc[depth] = firstOut[w];
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--stackTop];
                        onStack[w] = false;
                        comp[w] = compCount;
                    } while (w != v);
                    compCount++;
                }
                depth--;
                if (depth >= 0)
                {
                    int parent = callNode[depth];
                    if (low[v] < low[parent]) low[parent] = low[v];
                }
            }
        }
        return (comp, compCount);
    }
}
