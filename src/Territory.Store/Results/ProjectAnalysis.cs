using System.Text.Json;
using Microsoft.Data.Sqlite;
using Territory.Core.Analysis;
using Territory.Core.Typology;
using Territory.Routing.Graph;
using Territory.Routing.Review;

namespace Territory.Store.Results;

/// <summary>
/// A project's travel review and analysis, read from the store while their inputs are unchanged and computed
/// (then stored) otherwise: what <c>territory analyse</c>, <c>traveltimes</c> and the map server share.
/// </summary>
/// <remarks>
/// <para>Two stored results: <see cref="ReviewResult"/> keyed by the estates, the presence points and the road
/// graph (<see cref="AnalysisInputKeys.Review"/>), and <see cref="AnalysisResultName"/> keyed by every input layer,
/// the graph and the configuration (<see cref="AnalysisInputKeys.Analysis"/>). A new commune layer reuses the review
/// and recomputes the analysis; a new presence point recomputes both.</para>
/// <para>Stored results are a cache: one that cannot be read back (an older format) is recomputed, and one that
/// cannot be written (a busy or read-only project) is skipped — neither fails the command.</para>
/// </remarks>
public static partial class ProjectAnalysis
{
    /// <summary>Name of the stored travel review.</summary>
    public const string ReviewResult = "travel_review";

    /// <summary>Name of the stored analysis.</summary>
    public const string AnalysisResultName = "analysis";

    /// <summary>The review and the analysis of <paramref name="data"/>, reused or computed.</summary>
    /// <param name="store">The project (results are read from and written to it); null to compute without storing.</param>
    /// <param name="data">The layers as read.</param>
    /// <param name="graph">The road graph, or null (straight-line estimates).</param>
    /// <param name="keys">Hashes of the inputs (<see cref="AnalysisInputKeys.Of"/>); null to neither read nor store.</param>
    /// <param name="config">Typology configuration.</param>
    /// <param name="progress">Share done, 0–1 (the review reports up to 0.5).</param>
    /// <param name="ct">Stops the computation.</param>
    /// <param name="adjust">Changes the analysis input (another delineation); its effect must be part of <paramref name="keys"/>' configuration.</param>
    /// <param name="storeAnalysis">False when the input depends on something the keys do not cover (a sector file): the analysis is then neither read nor stored.</param>
    /// <param name="stages">Receives each stage's count (presence points timed, then territories analysed), in that order; a reused result reports its total at once.</param>
    /// <param name="prefetched">The stored results already read (<see cref="StoredResults.Read"/>), else they are read from <paramref name="store"/>.</param>
    public static ProjectAnalysisOutcome Run(IProjectStore? store, ProjectData data, RoadGraph? graph, AnalysisInputKeys? keys,
        TypologyConfig config, IProgress<double>? progress = null, CancellationToken ct = default,
        Func<AnalysisInput, AnalysisInput>? adjust = null, bool storeAnalysis = true, IProgress<StageProgress>? stages = null,
        StoredResults? prefetched = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(config);
        var travel = new StagedProgress(progress, 0, 0.5, stages, StageProgress.TravelReview, data.Agencies.Count);
        var (review, reviewReused) = Review(store, data, graph, keys, travel, ct, prefetched);
        travel.Complete(data.Agencies.Count);
        var step = Analyse(store, data, review, keys, config, progress, ct, adjust, storeAnalysis, stages, prefetched);
        if (step.ToStore is { } payload)
            TryWrite(store!, AnalysisResultName, step.Key!, payload());
        progress?.Report(1);
        return new ProjectAnalysisOutcome(review, step.Analysis, reviewReused, step.Reused, step.Changed);
    }

    /// <summary>The analysis over <paramref name="review"/>, reused while its inputs are unchanged or computed; what to store is left to the caller.</summary>
    private static AnalysisStep Analyse(IProjectStore? store, ProjectData data, AgencyTravelReviewResult? review, AnalysisInputKeys? keys,
        TypologyConfig config, IProgress<double>? progress, CancellationToken ct, Func<AnalysisInput, AnalysisInput>? adjust,
        bool storeAnalysis, IProgress<StageProgress>? stages, StoredResults? prefetched)
    {
        var territories = new StagedProgress(progress, 0.5, 0.5, stages, StageProgress.Territories, 0);
        var input = Input(data, review);
        if (adjust is not null)
            input = adjust(input);
        if (!storeAnalysis)
            keys = null;
        var stored = store is null || keys is null ? null : prefetched is not null ? prefetched.Analysis : TryRead(store, AnalysisResultName);
        if (stored is not null && stored.InputKey == keys!.Analysis
            && (prefetched is not null ? prefetched.AnalysisValue : TryPayload(stored.Payload, PayloadJson.Read<AnalysisPayload>)) is { } payload)
        {
            var reused = payload.ToResult(input, config);
            territories.Complete(reused.Territories.Count);
            return new AnalysisStep(reused, true, [], null, null);
        }
        var analysis = TerritoryAnalysis.Run(input, config, territories, ct);
        var changed = stored is null || keys is null ? [] : AnalysisInputKeys.Changed(stored.InputKey, keys.Analysis);
        return store is not null && keys is not null
            ? new AnalysisStep(analysis, false, changed, keys.Analysis, () => PayloadJson.Write(AnalysisPayload.Of(analysis)))
            : new AnalysisStep(analysis, false, changed, null, null);
    }

    /// <summary>An analysis reused or computed, with the stored form to write under <paramref name="Key"/> when it was computed.</summary>
    private sealed record AnalysisStep(AnalysisResult Analysis, bool Reused, IReadOnlyList<string> Changed, string? Key, Func<byte[]>? ToStore);

    /// <summary>The travel review of <paramref name="data"/> (null without estates or presence points), reused or computed and stored.</summary>
    /// <remarks>With <c>prefetched</c> (the stored results already read), the store is not read again.</remarks>
    /// <returns>The review and whether it was the stored one.</returns>
    public static (AgencyTravelReviewResult? Review, bool Reused) Review(IProjectStore? store, ProjectData data, RoadGraph? graph,
        AnalysisInputKeys? keys, IProgress<double>? progress = null, CancellationToken ct = default, StoredResults? prefetched = null)
    {
        var (review, reused, toStore) = ReviewStep(store, data, graph, keys, progress, ct, prefetched);
        if (toStore is not null)
            TryWrite(store!, ReviewResult, keys!.Review, toStore());
        return (review, reused);
    }

    /// <summary>The review reused or computed, with its stored form to write when it was computed (and there is a store to write it to).</summary>
    private static (AgencyTravelReviewResult? Review, bool Reused, Func<byte[]>? ToStore) ReviewStep(IProjectStore? store, ProjectData data,
        RoadGraph? graph, AnalysisInputKeys? keys, IProgress<double>? progress, CancellationToken ct, StoredResults? prefetched)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Estates.Count == 0 || data.Agencies.Count == 0)
            return (null, false, null);
        if (store is not null && keys is not null && (prefetched is not null ? prefetched.Review : TryRead(store, ReviewResult)) is { } stored
            && stored.InputKey == keys.Review
            && (prefetched is not null ? prefetched.ReviewValue : TryPayload(stored.Payload, ReviewPayload.Read)) is { Matrix: not null } kept)
            return (kept, true, null);
        var review = AgencyTravelReview.Compute(data.Estates, data.Agencies, data.WorkingCrs, graph, null, progress, ct);
        return (review, false, store is not null && keys is not null ? () => ReviewPayload.Write(review) : null);
    }

    /// <summary>The analysis input over <paramref name="data"/> with the review's access and nearest point of each kind.</summary>
    public static AnalysisInput Input(ProjectData data, AgencyTravelReviewResult? review)
    {
        ArgumentNullException.ThrowIfNull(data);
        var access = review?.Access.ToDictionary(a => a.EstateId, StringComparer.Ordinal);
        // The plan finds existing points (a scenario's included) by the nearest point of each kind in the review's matrix.
        var nearest = review is null ? null : NearestPresenceByKind.Compute(review, data.Estates, data.Agencies);
        return data.ToAnalysisInput(access) with { NearestPresence = nearest };
    }

    /// <summary>Stores a review computed elsewhere (<c>territory traveltimes</c>) under its key.</summary>
    public static void StoreReview(IProjectStore store, AnalysisInputKeys keys, AgencyTravelReviewResult review)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        TryWrite(store, ReviewResult, keys.Review, ReviewPayload.Write(review));
    }

    internal static StoredResult? TryRead(IProjectStore store, string name)
    {
        try
        {
            return store.ReadResult(name);
        }
        catch (Exception e) when (e is SqliteException or StoreFailureException)
        {
            return null;
        }
    }

    internal static T? TryPayload<T>(byte[] payload, Func<byte[], T?> read) where T : class
    {
        try
        {
            return read(payload);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or EndOfStreamException or NotSupportedException or ArgumentException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void TryWrite(IProjectStore store, string name, string key, byte[] payload)
    {
        try
        {
            store.WriteResult(name, key, payload);
        }
        catch (Exception e) when (e is SqliteException or StoreFailureException)
        {
            // A cache: a busy or read-only project keeps its older result, whose key no longer matches.
        }
    }
}
