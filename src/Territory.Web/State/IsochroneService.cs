using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.ObjectPool;
using Territory.Core.Messages;
using Territory.Web.Hosting;
using NetTopologySuite.Features;
using Territory.IO.Travel;
using Territory.Routing.Isochrones;
using Territory.Web.Geo;

namespace Territory.Web.State;

/// <summary>
/// Isochrones for the map: a pool of builders (a builder reuses its buffers and is not
/// thread-safe) over the project's frozen graph, and a bounded cache of the GeoJSON answers
/// (the graph never changes while the server runs, so an answer never goes stale).
/// </summary>
/// <remarks>
/// At most one computation per core runs at a time (<see cref="WebOptions.IsochroneConcurrency"/>): the
/// others wait in a bounded queue (<see cref="WebOptions.IsochroneQueue"/>, asynchronously, holding no
/// thread) instead of time-slicing, so under load each answer takes its own compute time plus a short
/// queueing, not the sum of everyone's. A request that finds the queue full, or waits longer than
/// <see cref="MaxQueueWait"/>, is answered at once with 503 and <c>Retry-After</c> rather than after
/// seconds. Cached answers never queue. Outlines are simplified at one raster cell and holes of up to
/// three cells are filled before serialization: the answer is several times smaller and faster to
/// write and to draw.
/// </remarks>
public sealed class IsochroneService(ProjectSession session, WebOptions options) : IDisposable
{
    /// <summary>Longest wait for a computation slot before answering 503.</summary>
    internal static readonly TimeSpan MaxQueueWait = TimeSpan.FromSeconds(2);

    private const int CacheLimit = 2048;

    /// <summary>Simplification of the outlines, metres: one 100 m raster cell (staircase corners stand 71 m off).</summary>
    internal const double OutlineToleranceMeters = 100;

    /// <summary>Holes smaller than this are filled, m²: up to three 100 m cells.</summary>
    internal const double MinHoleSquareMeters = 35_000;

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);
    private ObjectPool<IsochroneBuilder>? _pool;

    /// <summary>Computation slots and their bounded queue.</summary>
    internal ConcurrencyLimiter Limiter { get; } = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.IsochroneConcurrency > 0 ? options.IsochroneConcurrency : Environment.ProcessorCount,
        QueueLimit = Math.Max(0, options.IsochroneQueue),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>GeoJSON FeatureCollection of the isochrones around (lon, lat), largest first.</summary>
    public async ValueTask<byte[]> BuildAsync(double lon, double lat, IReadOnlyList<double> minutes, CancellationToken ct)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{lon:F5},{lat:F5}:{string.Join(',', minutes)}");
        if (_cache.TryGetValue(key, out var cached))
            return cached;
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waited.CancelAfter(MaxQueueWait);
        RateLimitLease lease;
        try
        {
            lease = await Limiter.AcquireAsync(1, waited.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw Busy();
        }
        using (lease)
        {
            if (!lease.IsAcquired)
                throw Busy();
            // Another request may have computed it while this one waited.
            if (_cache.TryGetValue(key, out cached))
                return cached;
            var json = GeoJson.Serialize(Compute(lon, lat, minutes, ct));
            if (_cache.Count >= CacheLimit)
                _cache.Clear();
            _cache[key] = json;
            return json;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Limiter.Dispose();

    private static ServerBusyException Busy() => new(Message.Of("isochrones_busy"));

    private FeatureCollection Compute(double lon, double lat, IReadOnlyList<double> minutes, CancellationToken ct)
    {
        var graph = session.Graph;
        List<IsochroneOutputs.Area> areas;
        if (graph is null)
        {
            areas = IsochroneOutputs.Estimated((lon, lat), minutes, session.Current.Data.WorkingCrs);
        }
        else
        {
            var pool = LazyInitializer.EnsureInitialized(ref _pool, () =>
                new DefaultObjectPool<IsochroneBuilder>(new BuilderPolicy(graph), Environment.ProcessorCount * 4))!;
            var builder = pool.Get();
            try
            {
                areas = builder.Build((lon, lat), minutes, ct)
                    .Select(i => new IsochroneOutputs.Area(i.CutoffMinutes, i.Area, i.ReachedNodeCount, false, i.FailureReason)).ToList();
            }
            finally
            {
                pool.Return(builder);
            }
        }
        var features = new FeatureCollection();
        foreach (var a in areas.OrderByDescending(a => a.Minutes))
        {
            features.Add(new Feature(GeoJson.Round(Outline.Simplify(a.AreaLonLat, OutlineToleranceMeters, MinHoleSquareMeters)), new AttributesTable
            {
                { "minutes", a.Minutes },
                { "reachedNodes", a.ReachedNodes },
                { "failureReason", a.FailureReason },
                { "estimated", a.Estimated },
            }));
        }
        return features;
    }

    private sealed class BuilderPolicy(Territory.Routing.Graph.RoadGraph graph) : IPooledObjectPolicy<IsochroneBuilder>
    {
        public IsochroneBuilder Create() => new(graph);

        public bool Return(IsochroneBuilder obj) => true;
    }
}
