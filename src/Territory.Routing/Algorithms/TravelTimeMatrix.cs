using Territory.Routing.Graph;
using Territory.Routing.Snapping;

namespace Territory.Routing.Algorithms;

/// <summary>Car travel times and distances from every source to every target; each cell stands alone.</summary>
/// <remarks>
/// An unreachable pair (far snap, no path) is a cell with a reason, never a failed matrix. Rows are kept
/// sparsely (<see cref="SparseTravelRow"/>): across départements most pairs have no road path.
/// </remarks>
public sealed class TravelTimeMatrix
{
    private readonly SparseTravelRow[] _rows;

    private TravelTimeMatrix(IReadOnlyList<RoadSnap> sources, IReadOnlyList<RoadSnap> targets)
    {
        SourceSnaps = sources; TargetSnaps = targets;
        _rows = new SparseTravelRow[sources.Count];
    }

    /// <summary>Smallest graph on which a hierarchy attached to the graph is used; below it plain Dijkstra is faster.</summary>
    /// <remarks>Measured with <c>Territory.Benchmarks ch-threshold</c> (docs/benchmarks.md, "Speed at scale").</remarks>
    public const int HierarchyMinNodes = 1_000;

    public int SourceCount => SourceSnaps.Count;

    public int TargetCount => TargetSnaps.Count;

    public IReadOnlyList<RoadSnap> SourceSnaps { get; }

    public IReadOnlyList<RoadSnap> TargetSnaps { get; }

    public MatrixCell this[int source, int target]
    {
        get
        {
            var (seconds, meters, reason) = _rows[source][target];
            return new MatrixCell(seconds, meters, reason);
        }
    }

    /// <summary>A source's row of cells, kept sparsely.</summary>
    internal SparseTravelRow Row(int source) => _rows[source];

    /// <summary>Snaps lon/lat sources and targets to the graph and computes the matrix.</summary>
    public static TravelTimeMatrix Compute(RoadGraph graph, IReadOnlyList<(double Lon, double Lat)> sources, IReadOnlyList<(double Lon, double Lat)> targets,
        MatrixOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MatrixOptions();
        var snapper = RoadSnapper.For(graph);
        var s = snapper.SnapMany(sources, options.MaxSnapDistanceMeters, options.MaxDegreeOfParallelism, cancellationToken);
        var t = snapper.SnapMany(targets, options.MaxSnapDistanceMeters, options.MaxDegreeOfParallelism, cancellationToken);
        return Compute(graph, s, t, options, progress, cancellationToken);
    }

    /// <summary>Computes the matrix between already snapped points of <paramref name="graph"/>.</summary>
    public static TravelTimeMatrix Compute(RoadGraph graph, IReadOnlyList<RoadSnap> sources, IReadOnlyList<RoadSnap> targets,
        MatrixOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MatrixOptions();
        var m = new TravelTimeMatrix(sources, targets);
        var hierarchy = options.Hierarchy ?? graph.Hierarchy;
        var algorithm = options.Algorithm != MatrixAlgorithm.Auto ? options.Algorithm
            : options.Hierarchy is not null || (hierarchy is not null && graph.NodeCount >= HierarchyMinNodes) ? MatrixAlgorithm.Rphast
            : MatrixAlgorithm.Dijkstra;
        if (algorithm != MatrixAlgorithm.Dijkstra && hierarchy is null)
            throw new ArgumentException($"{algorithm} needs MatrixOptions.Hierarchy or a hierarchy attached to the graph.", nameof(options));
        var targetNodes = new List<int>();
        foreach (var t in targets)
            if (t.IsSnapped) { targetNodes.Add(graph.EdgeFrom[t.Edge]); targetNodes.Add(graph.EdgeTo[t.Edge]); }
        var targetArray = targetNodes.ToArray();
        string?[]? targetReasons = targets.Select(t => t.IsSnapped ? null : "target not snapped: " + t.FailureReason).ToArray();
        if (targetReasons.All(r => r is null))
            targetReasons = null;
        var selection = algorithm == MatrixAlgorithm.Rphast && sources.Count > 0 ? new RphastSelection(hierarchy!, targetArray) : null;
        var ends = TargetEnds.Of(graph, targets);
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, sources.Count, parallel,
            () => algorithm switch
            {
                MatrixAlgorithm.Rphast => new RphastSearch(selection!),
                MatrixAlgorithm.Phast => new PhastSearch(hierarchy!),
                _ => (IOneToManySearch)new DijkstraOneToMany(graph),
            },
            (si, _, search) =>
            {
                m.FillRow(graph, si, search, targetArray, ends, targetReasons);
                int finished = Interlocked.Increment(ref done);
                progress?.Report(finished / (double)sources.Count);
                return search;
            },
            _ => { });
        return m;
    }

    private void FillRow(RoadGraph g, int si, IOneToManySearch search, int[] targetNodes, TargetEnds ends, string?[]? targetReasons)
    {
        var s = SourceSnaps[si];
        if (!s.IsSnapped)
        {
            // One string for the whole row: hundreds of far sources × thousands of targets must not allocate per cell.
            _rows[si] = SparseTravelRow.Unreached(TargetCount, "source not snapped: " + s.FailureReason);
            return;
        }
        // Targets off the roads: one shared array of reasons for every row (each reason names its own distance).
        var row = new SparseTravelRow.Builder { ColumnReasons = targetReasons };
        Span<(int, long, double)> seeds = stackalloc (int, long, double)[SnapEndpoints.MaxSeeds];
        int n = SnapEndpoints.SourceSeeds(g, s, seeds);
        search.Run(seeds[..n], targetNodes);
        int[] start = ends.Start, edge = ends.Edge;
        var targetSeeds = ends.Seeds;
        for (int ti = 0; ti < TargetCount; ti++)
        {
            if (edge[ti] < 0) continue;
            long cost = DijkstraSearch.Unreached;
            double dist = 0;
            for (int j = start[ti], end = start[ti + 1]; j < end; j++)
            {
                var (node, partialMs, partialMeters) = targetSeeds[j];
                long c = search.CostMs(node);
                if (c == DijkstraSearch.Unreached || c + partialMs >= cost) continue;
                cost = c + partialMs; dist = search.DistanceMeters(node) + partialMeters;
            }
            if (edge[ti] == s.Edge && SnapEndpoints.SameEdge(g, s, TargetSnaps[ti]) is { } d && d.CostMs <= cost) { cost = d.CostMs; dist = d.DistanceMeters; }
            if (cost == DijkstraSearch.Unreached) { row.Unreached(ti, NoPath); continue; }
            // Seconds from whole milliseconds, metres at float precision: the values the dense matrix gave.
            row.Reached(ti, cost / 1000.0, (float)dist);
        }
        _rows[si] = row.Build(TargetCount);
    }

    /// <summary>Every target's seeds (the nodes it is reached from, with the partial edge's cost), worked out once for all rows.</summary>
    private sealed class TargetEnds
    {
        /// <summary>The snapped edge of each target, -1 when the target is not snapped.</summary>
        public required int[] Edge { get; init; }

        /// <summary>Where each target's seeds begin in <see cref="Seeds"/>; one more entry than targets.</summary>
        public required int[] Start { get; init; }

        public required (int Node, long CostMs, double DistanceMeters)[] Seeds { get; init; }

        public static TargetEnds Of(RoadGraph g, IReadOnlyList<RoadSnap> targets)
        {
            var edge = new int[targets.Count];
            var start = new int[targets.Count + 1];
            var seeds = new List<(int, long, double)>(targets.Count * 2);
            Span<(int, long, double)> buffer = stackalloc (int, long, double)[SnapEndpoints.MaxSeeds];
            for (int ti = 0; ti < targets.Count; ti++)
            {
                var t = targets[ti];
                start[ti] = seeds.Count;
                edge[ti] = t.IsSnapped ? t.Edge : -1;
                if (!t.IsSnapped) continue;
                int k = SnapEndpoints.TargetSeeds(g, t, buffer);
                for (int j = 0; j < k; j++) seeds.Add(buffer[j]);
            }
            start[targets.Count] = seeds.Count;
            return new TargetEnds { Edge = edge, Start = start, Seeds = [.. seeds] };
        }
    }

    private const string NoPath = "no path";
}
