using Microsoft.Extensions.Hosting;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Tiles;

/// <summary>
/// Prepares each saved state's tiles as soon as it is published (<see cref="ProjectSession.SavedStatePublished"/>): the
/// state's indexes, cells and simplified polygons, then every tile of the four layers up to
/// <see cref="TileOptions.PrepareUpToZoom"/> over the data, into the tile cache — in the background, one state at a time
/// (a newer state stops the older one's preparation). A request arriving meanwhile waits on the same work, never redoes it.
/// Progress goes to the maps' event stream (task <c>tiles</c>) when the preparation takes more than a moment.
/// </summary>
internal sealed class TilePreparation(ProjectSession session, TileSource source, TileOptions options, ProgressHub progress, WebOptions web) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private Task _latest = Task.CompletedTask;
    private ProjectSnapshot? _latestState;

    /// <summary>True when the tiles of <paramref name="saved"/> were prepared, or none are needed (the map draws whole layers).</summary>
    public bool IsPrepared(ProjectSnapshot saved)
    {
        if (saved.Data.Estates.Count < options.LargeProjectEstates)
            return true;
        lock (_gate)
            return ReferenceEquals(saved, _latestState) && _latest.IsCompletedSuccessfully;
    }

    /// <summary>The preparation of the latest published state (completed when none is running).</summary>
    public Task Latest
    {
        get
        {
            lock (_gate)
                return _latest;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Prepare)
            return Task.CompletedTask;
        session.SavedStatePublished += Start;
        // A server listening while its project loads (territory serve) has no state yet: the load publishes it when it ends.
        if (session.Ready.IsCompletedSuccessfully)
            Start(session.Saved);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        session.SavedStatePublished -= Start;
        lock (_gate)
            _running?.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _running?.Cancel();
            _running?.Dispose();
            _running = null;
        }
    }

    private bool Needed(ProjectSnapshot saved) => options.Prepare && saved.Data.Estates.Count >= options.LargeProjectEstates;

    private void Start(ProjectSnapshot saved)
    {
        if (!Needed(saved))
            return;
        lock (_gate)
        {
            if (ReferenceEquals(saved, _latestState))
                return;
            _running?.Cancel();
            _running?.Dispose();
            _running = new CancellationTokenSource();
            var ct = _running.Token;
            _latestState = saved;
            // Behind the one before (stopped at its next step): two preparations never compete for the cores.
            _latest = _latest.ContinueWith(_ => Prepare(saved, ct), CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private void Prepare(ProjectSnapshot saved, CancellationToken ct)
    {
        try
        {
            PrepareTiles(saved, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A newer state was published, or the server stops: what was built stays valid, the rest is built on request.
        }
    }

    private void PrepareTiles(ProjectSnapshot saved, CancellationToken ct)
    {
        var reporter = new Reporter(progress);
        // The map's first question (its view's extent): answered from memory by the time a browser asks, not built then.
        Api.ProjectApi.Answer(session, saved, web);
        var tiles = SnapshotTiles.Of(saved, options.AggregateBelowZoom);
        var maxZoom = Math.Min(options.PrepareUpToZoom, TileAddress.MaxZoom);
        // A third of the bar for the indexes, the rest for the tiles.
        tiles.Prepare(maxZoom, new Progress<double>(f => reporter.Report(f / 3)), ct);
        var addresses = tiles.DataEnvelope() is { } envelope ? TileCover.Of(envelope, 0, maxZoom) : [];
        int done = 0;
        foreach (var tile in addresses)
        {
            foreach (var layer in TileLayers.All)
            {
                ct.ThrowIfCancellationRequested();
                source.Tile(layer, tile, TileFilter.None, saved);
            }
            reporter.Report(1.0 / 3 + 2.0 / 3 * ++done / addresses.Count);
        }
        reporter.Finish();
    }

    // Says nothing for the first second: a small project's preparation should not flash a bar on every map.
    private sealed class Reporter(ProgressHub hub)
    {
        private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();
        private IProgress<double>? _bar;

        public void Report(double fraction)
        {
            if (_bar is null && System.Diagnostics.Stopwatch.GetElapsedTime(_started) < TimeSpan.FromSeconds(1))
                return;
            _bar ??= hub.Task("tiles", "");
            _bar.Report(fraction);
        }

        public void Finish()
        {
            if (_bar is not null)
                hub.Finished("tiles");
        }
    }
}
