namespace Territory.Routing.Graph;

/// <summary>A frozen, read-only road graph in compact arrays (CSR), ready to be served.</summary>
/// <remarks>
/// Nodes are intersections and dead ends (WGS84 lon/lat stored as 1e-7 degree integers, OSM's own
/// precision). An <em>edge</em> is a road piece between two nodes with its intermediate shape
/// points; it may be travelled forward (From → To), backward, or both. <em>Arcs</em> are the
/// directed, travellable sides of edges: the forward adjacency (<c>FirstOut</c>) serves forward
/// searches, the reverse adjacency (<c>FirstIn</c>) backward ones. Durations are integer
/// milliseconds (exact sums, no float drift between algorithms); distances are haversine metres.
/// Strongly-connected components are computed when freezing; snapping uses the largest one and any other of
/// at least <see cref="MainComponentMinNodes"/> nodes (never a small fragment).
/// </remarks>
public sealed partial class RoadGraph
{
    internal readonly int[] NodeLonE7;
    internal readonly int[] NodeLatE7;
    internal readonly int[] EdgeFrom;
    internal readonly int[] EdgeTo;
    internal readonly int[] EdgeDurationMs;
    internal readonly float[] EdgeDistanceMeters;
    internal readonly byte[] EdgeFlags;
    internal readonly int[] EdgeShapeFirst;
    internal readonly int[] ShapeLonE7;
    internal readonly int[] ShapeLatE7;
    internal readonly int[] FirstOut;
    internal readonly int[] OutHead;
    internal readonly int[] OutEdge;
    internal readonly int[] OutWeightMs;
    internal readonly int[] FirstIn;
    internal readonly int[] InTail;
    internal readonly int[] InEdge;
    internal readonly int[] InWeightMs;
    internal readonly int[] ComponentOfNode;

    internal const byte ForwardFlag = 1;
    internal const byte BackwardFlag = 2;

    internal RoadGraph(int[] nodeLonE7, int[] nodeLatE7, int[] edgeFrom, int[] edgeTo, int[] edgeDurationMs,
        float[] edgeDistanceMeters, byte[] edgeFlags, int[] edgeShapeFirst, int[] shapeLonE7, int[] shapeLatE7,
        int[] firstOut, int[] outHead, int[] outEdge, int[] outWeightMs,
        int[] firstIn, int[] inTail, int[] inEdge, int[] inWeightMs,
        int[] componentOfNode, int componentCount)
    {
        NodeLonE7 = nodeLonE7; NodeLatE7 = nodeLatE7;
        EdgeFrom = edgeFrom; EdgeTo = edgeTo; EdgeDurationMs = edgeDurationMs;
        EdgeDistanceMeters = edgeDistanceMeters; EdgeFlags = edgeFlags;
        EdgeShapeFirst = edgeShapeFirst; ShapeLonE7 = shapeLonE7; ShapeLatE7 = shapeLatE7;
        FirstOut = firstOut; OutHead = outHead; OutEdge = outEdge; OutWeightMs = outWeightMs;
        FirstIn = firstIn; InTail = inTail; InEdge = inEdge; InWeightMs = inWeightMs;
        ComponentOfNode = componentOfNode;
        ComponentCount = componentCount;
        var sizes = new int[Math.Max(1, componentCount)];
        foreach (int c in componentOfNode) sizes[c]++;
        int best = 0;
        for (int c = 1; c < componentCount; c++) if (sizes[c] > sizes[best]) best = c;
        LargestComponent = componentCount == 0 ? -1 : best;
        LargestComponentNodeCount = componentCount == 0 ? 0 : sizes[best];
        _mainComponent = new bool[sizes.Length];
        for (int c = 0; c < componentCount; c++) _mainComponent[c] = c == best || sizes[c] >= MainComponentMinNodes;
    }

    /// <summary>Nodes from which a strongly-connected component is a road network of its own, not a fragment.</summary>
    /// <remarks>
    /// An extract clipped at its border leaves fragments of a few dozen nodes (a road cut by the clip, a private
    /// estate's loop); an island (Corsica in a national extract), an overseas département or the side-by-side
    /// départements of a generated portfolio are networks of thousands of nodes. Points are snapped to any network,
    /// never to a fragment; two points on different networks have no road path between them (said so per cell).
    /// </remarks>
    public const int MainComponentMinNodes = 1000;

    private readonly bool[] _mainComponent;

    /// <summary>The contraction hierarchy attached to this graph (built once by <c>roads build</c> and loaded beside it), or null.</summary>
    /// <remarks>Matrices and travel reviews use it above <see cref="Algorithms.TravelTimeMatrix.HierarchyMinNodes"/> nodes, plain Dijkstra otherwise.</remarks>
    public Algorithms.ContractionHierarchy? Hierarchy { get; private set; }

    /// <summary>Attaches a hierarchy built for this very graph (and no other).</summary>
    /// <exception cref="ArgumentException">The hierarchy belongs to another graph.</exception>
    public void AttachHierarchy(Algorithms.ContractionHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        if (!ReferenceEquals(hierarchy.Graph, this)) throw new ArgumentException("The contraction hierarchy was built for another road graph.", nameof(hierarchy));
        Hierarchy = hierarchy;
    }

    /// <summary>Number of nodes (intersections and dead ends).</summary>
    public int NodeCount => NodeLonE7.Length;

    /// <summary>Number of edges (road pieces between nodes, each one or two-way).</summary>
    public int EdgeCount => EdgeFrom.Length;

    /// <summary>Number of directed arcs (travellable edge sides).</summary>
    public int ArcCount => OutHead.Length;

    /// <summary>Number of strongly-connected components.</summary>
    public int ComponentCount { get; }

    /// <summary>Id of the largest strongly-connected component, -1 for an empty graph.</summary>
    public int LargestComponent { get; }

    /// <summary>Number of nodes in the largest strongly-connected component.</summary>
    public int LargestComponentNodeCount { get; }

    /// <summary>Longitude of a node, WGS84 degrees.</summary>
    public double GetNodeLon(int node) => NodeLonE7[node] * 1e-7;

    /// <summary>Latitude of a node, WGS84 degrees.</summary>
    public double GetNodeLat(int node) => NodeLatE7[node] * 1e-7;

    /// <summary>Strongly-connected component of a node.</summary>
    public int GetComponent(int node) => ComponentOfNode[node];

    /// <summary>True when the node belongs to the largest strongly-connected component.</summary>
    public bool IsInLargestComponent(int node) => ComponentOfNode[node] == LargestComponent;

    /// <summary>True when the node belongs to the largest component or to another of at least <see cref="MainComponentMinNodes"/> nodes.</summary>
    public bool IsInMainComponent(int node) => _mainComponent[ComponentOfNode[node]];

    public int GetEdgeFrom(int edge) => EdgeFrom[edge];

    public int GetEdgeTo(int edge) => EdgeTo[edge];

    /// <summary>Travel time along the whole edge, seconds (same in both allowed directions).</summary>
    public double GetEdgeDurationSeconds(int edge) => EdgeDurationMs[edge] / 1000.0;

    /// <summary>Length of the edge along its geometry, haversine metres.</summary>
    public double GetEdgeDistanceMeters(int edge) => EdgeDistanceMeters[edge];

    /// <summary>True when the edge may be travelled From → To.</summary>
    public bool IsForwardAllowed(int edge) => (EdgeFlags[edge] & ForwardFlag) != 0;

    /// <summary>True when the edge may be travelled To → From.</summary>
    public bool IsBackwardAllowed(int edge) => (EdgeFlags[edge] & BackwardFlag) != 0;

    /// <summary>Number of points of the edge polyline (From, shape points, To).</summary>
    public int GetEdgePointCount(int edge) => EdgeShapeFirst[edge + 1] - EdgeShapeFirst[edge] + 2;

    /// <summary>The i-th point of the edge polyline as (lon, lat) degrees.</summary>
    public (double Lon, double Lat) GetEdgePoint(int edge, int index)
    {
        if (index == 0) return (GetNodeLon(EdgeFrom[edge]), GetNodeLat(EdgeFrom[edge]));
        int shapeCount = EdgeShapeFirst[edge + 1] - EdgeShapeFirst[edge];
        if (index == shapeCount + 1) return (GetNodeLon(EdgeTo[edge]), GetNodeLat(EdgeTo[edge]));
        int s = EdgeShapeFirst[edge] + index - 1;
        return (ShapeLonE7[s] * 1e-7, ShapeLatE7[s] * 1e-7);
    }

    /// <summary>The i-th point of the edge polyline in 1e-7 degrees, as stored.</summary>
    internal (int LonE7, int LatE7) GetEdgePointE7(int edge, int index)
    {
        if (index == 0) return (NodeLonE7[EdgeFrom[edge]], NodeLatE7[EdgeFrom[edge]]);
        int shapeCount = EdgeShapeFirst[edge + 1] - EdgeShapeFirst[edge];
        if (index == shapeCount + 1) return (NodeLonE7[EdgeTo[edge]], NodeLatE7[EdgeTo[edge]]);
        int s = EdgeShapeFirst[edge] + index - 1;
        return (ShapeLonE7[s], ShapeLatE7[s]);
    }

    /// <summary>The edge polyline From → To as (lon, lat) degrees.</summary>
    public IReadOnlyList<(double Lon, double Lat)> GetEdgeGeometry(int edge)
    {
        int n = GetEdgePointCount(edge);
        var points = new (double Lon, double Lat)[n];
        for (int i = 0; i < n; i++) points[i] = GetEdgePoint(edge, i);
        return points;
    }
}
