using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Territory.Core.Enrichment;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Layers;

namespace Territory.Store;

/// <summary>
/// Writes the estates of a streamed import (<see cref="ImportStream"/>) into a store's layer writer as they are read:
/// the rows read and checked on a thread of their own from <see cref="Start"/> on (while the store opens its transaction,
/// keeps the previous layer and reads the project's communes and QPV), keys already stored skipped when appending, the
/// commune and QPV join done per batch on the writing thread, so that memory holds a few batches, never the layer.
/// Shared by the project stores.
/// </summary>
public sealed class StreamedEstates : IDisposable
{
    /// <summary>
    /// Estates joined and written together. Small batches keep few rows alive across a young-generation collection
    /// (with its 16 MB budget, one every 10,000–15,000 rows read): at 16,384 rows nearly every row read since the last
    /// collection was still waiting and was copied to the older generations, and the collections took about 0.8 s of
    /// the national import's CPU (249,657 rows; docs/benchmarks.md).
    /// </summary>
    public const int BatchSize = 2_048;

    /// <summary>
    /// Batches read ahead of the one being written: the rows read while the store prepares its layer (about a second
    /// for the national set) wait here; once writing, the writer keeps up and few wait.
    /// </summary>
    private const int BatchesAhead = 16;

    private readonly CancellationTokenSource _stop;
    private readonly BlockingCollection<(List<Estate> Rows, long Read)> _batches = new(BatchesAhead);
    private readonly Task _reading;
    private Task<SpatialEnricher>? _enricher;
    private IReadOnlySet<string>? _existingKeys;
    private int _keysReported;
    private bool _points, _polygons, _others;

    private StreamedEstates(IEnumerable<Estate> estates, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stop = _stop.Token;
        _reading = Task.Factory.StartNew(() =>
        {
            try
            {
                Read(estates, stop);
            }
            finally
            {
                _batches.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts reading <paramref name="estates"/> (<see cref="ImportStream.Estates"/>) on a thread of its own.</summary>
    /// <remarks>Dispose stops the reading (and closes the source) when <see cref="Write"/> is not reached or fails.</remarks>
    public static StreamedEstates Start(IEnumerable<Estate> estates, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(estates);
        return new StreamedEstates(estates, ct);
    }

    /// <summary>What the rows are joined to and checked against, known once the store's transaction is open.</summary>
    /// <param name="communes">The project's communes (empty: no join).</param>
    /// <param name="districts">The project's QPV (empty: no join).</param>
    /// <param name="existingKeys">Keys already stored when appending (those rows are skipped), else null.</param>
    /// <param name="keysReported">How many skipped keys <see cref="Duplicates"/> lists.</param>
    public void Join(IReadOnlyList<Commune> communes, IReadOnlyList<PriorityDistrict> districts, IReadOnlySet<string>? existingKeys, int keysReported)
    {
        // The communes' and QPV's index is built while the rows go on being read (it is first needed by the first batch).
        _enricher = Task.Run(() => new SpatialEnricher(communes, districts));
        _existingKeys = existingKeys;
        _keysReported = keysReported;
    }

    /// <summary>Rows skipped because their key was already stored.</summary>
    public int DuplicateCount { get; private set; }
    /// <summary>The first skipped keys.</summary>
    public List<string> Duplicates { get; } = [];
    /// <summary>The join's figures over the rows written, or null when the project has neither communes nor QPV.</summary>
    public EnrichmentReport? Enrichment { get; private set; }
    /// <summary>The geometry type of the rows written (<see cref="ProjectLayers.EstateGeometryType"/>).</summary>
    public string GeometryType => _others || _points == _polygons ? "GEOMETRY" : _points ? "POINT" : "MULTIPOLYGON";

    /// <summary>Writes every row read, to the source's end.</summary>
    /// <param name="writer">The store's writer (its transaction).</param>
    /// <param name="written">Called after each batch with the rows read so far (progress).</param>
    /// <param name="ct">Cancellation (the caller's transaction is then rolled back).</param>
    /// <remarks>
    /// Two threads: the rows are read and checked on one (the source, validation, duplicate ids) while the batch
    /// before is joined and written on the calling thread (the writer and its transaction never leave it). The rows
    /// are written in source order. A failure on either side stops the other and is thrown here once the reading has
    /// stopped (the source is then closed).
    /// </remarks>
    public void Write(ILayerWriter writer, Action<long>? written = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_enricher is null)
            throw new InvalidOperationException("Join comes before Write.");
        try
        {
            foreach (var (rows, read) in _batches.GetConsumingEnumerable(_stop.Token))
            {
                Flush(rows, writer, ct);
                written?.Invoke(read);
            }
        }
        catch
        {
            Stop();
            throw;
        }
        _reading.GetAwaiter().GetResult();
    }

    /// <summary>Stops the reading if it still runs (the source is closed) and waits for it.</summary>
    public void Dispose()
    {
        if (!_reading.IsCompleted)
            Stop();
        _stop.Dispose();
        _batches.Dispose();
    }

    private void Stop()
    {
        _stop.Cancel();
        // The reading stops at its next batch handed over; its own failure, if any, is the lesser one.
        Task.WaitAny([_reading], CancellationToken.None);
    }

    private void Read(IEnumerable<Estate> estates, CancellationToken ct)
    {
        var batch = new List<Estate>(BatchSize);
        long read = 0;
        foreach (var e in estates)
        {
            read++;
            batch.Add(e);
            if (batch.Count == BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                _batches.Add((batch, read), ct);
                batch = new List<Estate>(BatchSize);
            }
        }
        _batches.Add((batch, read), ct);
    }

    private void Flush(List<Estate> batch, ILayerWriter writer, CancellationToken ct)
    {
        if (_existingKeys is { } existing)
        {
            // Appending: rows whose key is stored are skipped (the first few named), in source order.
            batch.RemoveAll(e =>
            {
                if (!existing.Contains(e.Id))
                    return false;
                if (DuplicateCount++ < _keysReported)
                    Duplicates.Add(e.Id);
                return true;
            });
        }
        if (batch.Count == 0)
            return;
        IReadOnlyList<Estate> joined = batch;
        var enricher = _enricher!.GetAwaiter().GetResult();
        if (enricher.HasReference)
        {
            var run = enricher.Enrich(batch, ct);
            joined = run.Estates;
            Enrichment = Enrichment is null ? run.Report : Enrichment.Plus(run.Report);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            var g = batch[i].Geometry;
            _points |= g is Point;
            _polygons |= g is IPolygonal;
            _others |= g is not (Point or IPolygonal);
            ProjectLayers.Write(writer, joined[i], batch[i].CommuneCode, batch[i].QpvCode);
        }
    }
}
