using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Territory.Core.Enrichment;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Layers;

namespace Territory.Store;

/// <summary>
/// Writes the estates of a streamed import (<see cref="ImportStream"/>) into a store's layer writer as they are read:
/// keys already stored skipped when appending, the commune and QPV join done per batch on the writing thread while
/// the next batch is read on another, so that memory holds a few batches, never the layer. Shared by the project stores.
/// </summary>
public sealed class StreamedEstates
{
    /// <summary>
    /// Estates joined and written together. Three batches are alive at once (being read, waiting, being written); the
    /// join of one batch runs on the writing thread while the reading thread keeps the other core. Small batches keep
    /// few rows alive across a young-generation collection (with its 16 MB budget, one every 10,000–15,000 rows read):
    /// at 16,384 rows nearly every row read since the last collection was still waiting and was copied to the older
    /// generations, and the collections took about 0.8 s of the national import's CPU (249,657 rows; docs/benchmarks.md).
    /// </summary>
    public const int BatchSize = 2_048;

    private readonly Task<SpatialEnricher> _enricher;
    private readonly IReadOnlySet<string>? _existingKeys;
    private readonly int _keysReported;

    /// <param name="communes">The project's communes (empty: no join).</param>
    /// <param name="districts">The project's QPV (empty: no join).</param>
    /// <param name="existingKeys">Keys already stored when appending (those rows are skipped), else null.</param>
    /// <param name="keysReported">How many skipped keys <see cref="Duplicates"/> lists.</param>
    public StreamedEstates(IReadOnlyList<Commune> communes, IReadOnlyList<PriorityDistrict> districts, IReadOnlySet<string>? existingKeys, int keysReported)
    {
        // The communes' and QPV's index is built while the first rows are read (it is first needed by the first batch).
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

    private bool _points, _polygons, _others;

    /// <summary>Reads <paramref name="estates"/> to its end, writing each kept row.</summary>
    /// <param name="estates">The streamed estates (<see cref="ImportStream.Estates"/>).</param>
    /// <param name="writer">The store's writer (its transaction).</param>
    /// <param name="written">Called after each batch with the rows read so far (progress).</param>
    /// <param name="ct">Cancellation (the caller's transaction is then rolled back).</param>
    /// <remarks>
    /// Two threads: the rows are read and checked on one (the source, validation, duplicate ids) while the batch
    /// before is joined and written on the calling thread (the writer and its transaction never leave it); at most
    /// <see cref="BatchesAhead"/> batches wait between them. The rows are written in source order. A failure on either
    /// side stops the other and is thrown here once the reading has stopped (the source is then closed).
    /// </remarks>
    public void Write(IEnumerable<Estate> estates, ILayerWriter writer, Action<long>? written = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(estates);
        ArgumentNullException.ThrowIfNull(writer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var batches = new BlockingCollection<(List<Estate> Rows, long Read)>(BatchesAhead);
        var reading = Task.Factory.StartNew(() =>
        {
            try
            {
                Read(estates, batches, stop.Token);
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var (rows, read) in batches.GetConsumingEnumerable(stop.Token))
            {
                Flush(rows, writer, ct);
                written?.Invoke(read);
            }
        }
        catch
        {
            stop.Cancel();
            // The reading stops at its next row (or batch handed over); its own failure, if any, is the lesser one.
            Task.WaitAny([reading], CancellationToken.None);
            throw;
        }
        reading.GetAwaiter().GetResult();
    }

    /// <summary>Batches read ahead of the one being written.</summary>
    private const int BatchesAhead = 1;

    private void Read(IEnumerable<Estate> estates, BlockingCollection<(List<Estate> Rows, long Read)> batches, CancellationToken ct)
    {
        var batch = new List<Estate>(BatchSize);
        long read = 0;
        foreach (var e in estates)
        {
            read++;
            if (_existingKeys is not null && _existingKeys.Contains(e.Id))
            {
                if (DuplicateCount++ < _keysReported)
                    Duplicates.Add(e.Id);
                continue;
            }
            batch.Add(e);
            if (batch.Count == BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                batches.Add((batch, read), ct);
                batch = new List<Estate>(BatchSize);
            }
        }
        batches.Add((batch, read), ct);
    }

    private void Flush(List<Estate> batch, ILayerWriter writer, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        IReadOnlyList<Estate> joined = batch;
        var enricher = _enricher.GetAwaiter().GetResult();
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
