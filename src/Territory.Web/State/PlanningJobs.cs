using System.Collections.Concurrent;
using Territory.Core.Messages;
using Territory.Core.Scenarios;
using Territory.Planning.Service;
using Territory.Store;
using Territory.Web.Hosting;

namespace Territory.Web.State;

/// <summary>
/// The map's planning computations (a site plan, a round of the mobile agency, a comparison of scenarios), run
/// off the request thread over the project's saved state: the request answers at once with the job's id, progress
/// goes out as server-sent events by stage (<c>plan_candidates</c>, <c>plan_matrix</c>, <c>plan_solve</c>…), and
/// the end of every job as a <c>done</c> event of task <c>plan</c>; the answer is then read with <see cref="Find"/>.
/// </summary>
/// <remarks>
/// At most <see cref="MaxRunning"/> jobs run at once (the solver uses every core): beyond, a new one is refused
/// (503 with <c>Retry-After</c>) rather than queued. A finished job is kept <see cref="KeepAfterEnd"/> for its
/// answer to be read and its plan saved as a scenario, and the <see cref="MaxKept"/> newest at most.
/// </remarks>
public sealed class PlanningJobs(ProjectSession session, ProgressHub hub) : IDisposable
{
    /// <summary>Jobs running at once.</summary>
    public const int MaxRunning = 2;

    /// <summary>Finished jobs kept in memory at most.</summary>
    public const int MaxKept = 20;

    /// <summary>How long a finished job's answer stays readable.</summary>
    public static readonly TimeSpan KeepAfterEnd = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, PlanningJob> _jobs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private int _running;

    /// <summary>Plans sites over the saved state.</summary>
    /// <exception cref="ServerBusyException">Too many jobs running.</exception>
    /// <remarks>Like <c>territory plan sites</c>, the plan is kept in the project as its last site plan (<see cref="SitePlanStore"/>): <c>territory analyse</c> lists its sites in the presence plan.</remarks>
    public PlanningJob StartSites(SitePlanOptions options) =>
        Start(PlanningJobKind.Sites, (data, progress, ct) =>
        {
            var plan = SitePlanService.Plan(data, session.Graph, options, progress, ct);
            session.WithStore(store =>
            {
                SitePlanStore.Write(store, plan);
                return true;
            });
            return new PlanningOutcome { Sites = plan };
        });

    /// <summary>Plans the mobile agency's week; <paramref name="options"/> builds the stops from the data the job reads.</summary>
    /// <exception cref="ServerBusyException">Too many jobs running.</exception>
    public PlanningJob StartRound(Func<ProjectData, RoundOptions> options) =>
        Start(PlanningJobKind.Rounds, (data, progress, ct) => new PlanningOutcome { Round = RoundService.Plan(data, session.Graph, options(data), progress, ct) });

    /// <summary>Compares named scenarios with the saved state.</summary>
    /// <exception cref="ServerBusyException">Too many jobs running.</exception>
    public PlanningJob StartComparison(IReadOnlyList<Scenario> scenarios, ComparisonOptions options) =>
        Start(PlanningJobKind.Compare, (data, progress, ct) => new PlanningOutcome { Comparison = ScenarioComparer.Compare(data, scenarios, session.Graph, options, progress, ct) });

    /// <summary>A job by id, or null when unknown or forgotten.</summary>
    public PlanningJob? Find(string id)
    {
        Forget();
        return _jobs.GetValueOrDefault(id);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private PlanningJob Start(PlanningJobKind kind, Func<ProjectData, IProgress<PlanningProgress>, CancellationToken, PlanningOutcome> work)
    {
        if (Interlocked.Increment(ref _running) > MaxRunning)
        {
            Interlocked.Decrement(ref _running);
            throw new ServerBusyException(Message.Of("planmap_busy", ("count", MaxRunning)));
        }
        Forget();
        var data = session.Saved.Data;
        var job = new PlanningJob(Guid.NewGuid().ToString("N")[..12], kind, PlanningJobState.Running, DateTimeOffset.UtcNow, data.DataVersion);
        _jobs[job.Id] = job;
        var token = _lifetime.Token;
        _ = Task.Run(() =>
        {
            try
            {
                var outcome = work(data, new StageReporter(hub, job.Id, this), token);
                Update(job.Id, j => j with { State = PlanningJobState.Done, EndedAt = DateTimeOffset.UtcNow, Outcome = outcome });
                if (outcome.Sites is not null)
                    Reanalyse(token);
            }
            catch (Exception e)
            {
                var (status, reason, _) = ProblemExceptionHandler.Classify(e, session.ProjectPath);
                Update(job.Id, j => j with { State = PlanningJobState.Failed, EndedAt = DateTimeOffset.UtcNow, Failure = reason, FailureStatus = status });
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                hub.Done("plan", session.Saved.Version);
            }
        }, CancellationToken.None);
        return job;
    }

    /// <summary>After a site plan is stored, the session's analysis lists its sites (after the job's end: the answer does not wait).</summary>
    private void Reanalyse(CancellationToken token) => _ = Task.Run(async () =>
    {
        try
        {
            await session.ReanalyseAsync(token);
        }
        catch (Exception e) when (e is OperationCanceledException or Territory.Core.Messages.ReasonException)
        {
            // Stopping, or the project is busy or stale: the session says so on the next request; the plan stands.
        }
    }, CancellationToken.None);

    private void Update(string id, Func<PlanningJob, PlanningJob> change)
    {
        if (_jobs.TryGetValue(id, out var job))
            _jobs[id] = change(job);
    }

    /// <summary>Drops finished jobs past their keeping time, and the oldest beyond <see cref="MaxKept"/>.</summary>
    private void Forget()
    {
        var now = DateTimeOffset.UtcNow;
        var ended = _jobs.Values.Where(j => j.EndedAt is not null).OrderByDescending(j => j.EndedAt).ToList();
        for (var i = 0; i < ended.Count; i++)
            if (i >= MaxKept || now - ended[i].EndedAt > KeepAfterEnd)
                _jobs.TryRemove(ended[i].Id, out _);
    }

    /// <summary>Progress of one job: one server-sent task per stage, and the stage kept on the job.</summary>
    private sealed class StageReporter(ProgressHub hub, string id, PlanningJobs jobs) : IProgress<PlanningProgress>
    {
        private readonly Dictionary<PlanningStage, IProgress<double>> _stages = [];

        public void Report(PlanningProgress value)
        {
            IProgress<double> reporter;
            lock (_stages)
            {
                if (!_stages.TryGetValue(value.Stage, out reporter!))
                    _stages[value.Stage] = reporter = hub.Task("plan_" + value.Stage.Code(), value.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            reporter.Report(value.Fraction);
            jobs.Update(id, j => j with { Stage = value.Stage.Code(), Done = value.Done, Total = value.Total });
        }
    }
}
