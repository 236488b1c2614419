using Territory.Core.Analysis;
using Territory.Core.Typology;
using Territory.IO.Layers;
using Territory.Routing.Graph;
using Territory.Routing.Review;

namespace Territory.Store.Results;

public static partial class ProjectAnalysis
{
    /// <summary>
    /// <see cref="Run"/>, then the result layers written in one <see cref="IProjectStore.WriteDerived"/> transaction — with the
    /// writing overlapped with the analysis: once the travel review is known, a writer stores it and writes its layers while the
    /// territories are analysed, then writes the analysis's layers as soon as the analysis is done.
    /// </summary>
    /// <remarks>
    /// <para>Every store access stays on the writer, one after the other (stored review, result layers, stored analysis): the
    /// analysis itself reads nothing from the store. What a user sees is what <see cref="Run"/> then
    /// <see cref="IProjectStore.WriteDerived"/> would leave: the same results, the same layers, in the same transaction.</para>
    /// <para>A failed analysis rolls the layers' transaction back; a failed write stops the analysis, and its own error is the
    /// one raised.</para>
    /// </remarks>
    /// <param name="store">The project.</param>
    /// <param name="data">The layers as read.</param>
    /// <param name="graph">The road graph, or null (straight-line estimates).</param>
    /// <param name="keys">Hashes of the inputs; null to neither read nor store the results.</param>
    /// <param name="config">Typology configuration.</param>
    /// <param name="writeLayers">Writes the result layers into the transaction's sink, given the review (null without one) and a
    /// function that waits for the analysis (call it once the review's layers are written).</param>
    /// <param name="ct">Stops the computation and the writing.</param>
    /// <param name="adjust">Changes the analysis input (another delineation), as in <see cref="Run"/>.</param>
    /// <param name="storeAnalysis">As in <see cref="Run"/>.</param>
    /// <param name="stages">Receives each stage's count, as in <see cref="Run"/>.</param>
    /// <param name="whileStoring">Run on the calling thread once the layers are written, while the analysis's stored form is built
    /// and before it is written (the command line prints its report then).</param>
    /// <param name="prefetched">The stored results already read (<see cref="ProjectInputs.Read"/>), else they are read from <paramref name="store"/>.</param>
    public static ProjectAnalysisOutcome RunAndWrite(IProjectStore store, ProjectData data, RoadGraph? graph, AnalysisInputKeys? keys,
        TypologyConfig config, Action<ILayerSink, AgencyTravelReviewResult?, Func<AnalysisResult>> writeLayers, CancellationToken ct = default,
        Func<AnalysisInput, AnalysisInput>? adjust = null, bool storeAnalysis = true, IProgress<StageProgress>? stages = null,
        StoredResults? prefetched = null, Action<ProjectAnalysisOutcome>? whileStoring = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(writeLayers);
        // Read now: once the writer runs, every store access is its own.
        prefetched ??= keys is null ? null : StoredResults.Read(store);
        var travel = new StagedProgress(null, 0, 0.5, stages, StageProgress.TravelReview, data.Agencies.Count);
        var (review, reviewReused, reviewToStore) = ReviewStep(store, data, graph, keys, travel, ct, prefetched);
        travel.Complete(data.Agencies.Count);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var analysed = new TaskCompletionSource<AnalysisResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                if (reviewToStore is not null)
                    TryWrite(store, ReviewResult, keys!.Review, reviewToStore());
                store.WriteDerived(data.DataVersion, sink => writeLayers(sink, review, () => analysed.Task.GetAwaiter().GetResult()), stop.Token);
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        AnalysisStep step;
        try
        {
            step = Analyse(store, data, review, keys, config, null, stop.Token, adjust, storeAnalysis, stages, prefetched);
            analysed.SetResult(step.Analysis);
        }
        catch (Exception e)
        {
            analysed.TrySetException(e);
            WaitQuietly(writer);
            if (writer.IsFaulted && e is OperationCanceledException && !ct.IsCancellationRequested)
                writer.GetAwaiter().GetResult();   // the write failed and stopped the analysis: its error is the one to tell
            throw;
        }
        // The stored form is built while the writer writes the layers (and while the caller reports); it is written once their
        // transaction is over.
        var payload = step.ToStore is { } build ? Task.Run(build) : null;
        var outcome = new ProjectAnalysisOutcome(review, step.Analysis, reviewReused, step.Reused, step.Changed);
        try
        {
            writer.GetAwaiter().GetResult();
            whileStoring?.Invoke(outcome);
        }
        finally
        {
            if (payload is not null)
                WaitQuietly(payload);
        }
        if (payload is not null)
            TryWrite(store, AnalysisResultName, step.Key!, payload.GetAwaiter().GetResult());
        return outcome;
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // Its error, if any, is read by the caller.
        }
    }
}
