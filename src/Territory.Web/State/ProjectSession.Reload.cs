using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Routing.Review;
using Territory.Store;

namespace Territory.Web.State;

public sealed partial class ProjectSession
{
    private static readonly IReadOnlyDictionary<string, string> EmptyStatus = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The data version committed in the store now (one small read).</summary>
    /// <exception cref="StoreFailureException">The project is busy, gone or damaged.</exception>
    public long StoredVersion()
    {
        using var store = OpenExisting();
        return store.DataVersion;
    }

    /// <summary>
    /// Reloads the project when someone else committed to it (or when the session is stale), keeping the
    /// scenario; does nothing when it is up to date. Returns at once when a save, import or edit is running.
    /// </summary>
    /// <returns>True when the session reloaded.</returns>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        if (!await _gate.WaitAsync(0, ct))
            return false;
        try
        {
            return await Task.Run(() => RefreshLocked(ct), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Like <see cref="RefreshAsync"/>, but waits its turn (the map's « Recharger »).</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await Task.Run(() => RefreshLocked(ct), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Under the gate: reloads what others committed, keeping the scenario.</summary>
    private bool RefreshLocked(CancellationToken ct)
    {
        if (StoredVersion() == State.Saved.Data.DataVersion && _staleReason is null)
            return false;
        Reload(ct);
        progress.Done("reload", Current.Version);
        return true;
    }

    /// <summary>
    /// Under the gate, before a write: the request must have been made from the state committed now.
    /// When the store moved on, the session reloads (keeping the scenario) and the write is refused.
    /// </summary>
    /// <param name="seen">The data version the client's view was made from, when it sent one.</param>
    /// <param name="changedCode">Catalogue code of the refusal (save or import wording).</param>
    /// <exception cref="ProjectChangedException">The request was made from an older state.</exception>
    /// <exception cref="SessionStaleException">The session could not reload after an earlier commit.</exception>
    private void EnsureCurrent(long? seen, string changedCode, CancellationToken ct)
    {
        if (_staleReason is not null)
        {
            // One more try: the cause (a busy project, a full disk) may have passed.
            try
            {
                Reload(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new SessionStaleException(Message.Of("session_stale", ("detail", Explain(e))));
            }
        }
        var mine = State.Saved.Data.DataVersion;
        var stored = StoredVersion();
        if (stored != mine)
        {
            ReloadAfterCommit();
            throw new ProjectChangedException(Message.Of(changedCode, ("seen", seen ?? mine), ("now", stored)), seen ?? mine, stored);
        }
        if (seen is long s && s != mine)
            throw new ProjectChangedException(Message.Of(changedCode, ("seen", s), ("now", mine)), s, mine);
    }

    /// <summary>
    /// After this session committed (or found a newer commit): reloads on the session's own token so that
    /// the request going away cannot stop it; a failure marks the session stale instead of leaving it on
    /// a snapshot older than the store.
    /// </summary>
    /// <exception cref="SessionStaleException">The reload failed; saves are refused until one succeeds.</exception>
    private void ReloadAfterCommit(IProgress<double>? reporter = null, string? clearScenarioOf = null)
    {
        try
        {
            Reload(_lifetime.Token, reporter, clearScenarioOf);
        }
        catch (Exception e) when (e is not OperationCanceledException || _lifetime.IsCancellationRequested)
        {
            var reason = Message.Of("session_stale", ("detail", Explain(e)));
            _staleReason = reason;
            throw new SessionStaleException(reason);
        }
    }

    /// <summary>Reads the store and swaps in the new saved state with each user's scenario replayed over it.</summary>
    /// <param name="ct">Stops the reload (the state is then left as it was).</param>
    /// <param name="reporter">Progress of the saved state's travel review and analysis.</param>
    /// <param name="clearScenarioOf">The user whose scenario was just saved (their edits are now the saved state).</param>
    private void Reload(CancellationToken ct, IProgress<double>? reporter = null, string? clearScenarioOf = null)
    {
        var data = ReadStore();
        var saved = AnalyseSaved(data, reporter, ct);
        var next = SessionState.Of(saved);
        foreach (var (user, workspace) in _state?.Workspaces ?? [])
        {
            if (user == clearScenarioOf || workspace.Edits.Changes.Count == 0)
                continue;
            var edits = workspace.Edits.ReplayOver(data.Agencies);
            next = next.With(user, new ScenarioWorkspace(AnalyseScenario(saved, null, data with { Agencies = edits.Agencies.ToList() }, edits.Status, ct), edits));
        }
        _state = next;
        _staleReason = null;
        Published(saved);
    }

    private ProjectData ReadStore()
    {
        using var store = OpenExisting();
        var data = ProjectData.ReadParallel(store, OpenExisting);
        _sites = StoredSites(store);
        return data;
    }

    // Never ProjectStores.Open on a path that vanished: it would create an empty project there.
    private IProjectStore OpenExisting()
    {
        if (!ProjectStores.Exists(ProjectPath))
            throw new StoreFailureException(StoreFailureKind.CannotOpen, Message.Of("project_missing", ("file", Path.GetFileName(ProjectPath))),
                new FileNotFoundException(null, ProjectPath));
        return ProjectStores.Open(ProjectPath);
    }

    // A reason renders in the reader's language; anything else is a bug, named by its message.
    private object Explain(Exception e) => e switch
    {
        ReasonException r => r.Reason,
        _ when StoreFailureException.From(e, ProjectPath) is { } failure => failure.Reason,
        _ => e.Message,
    };
}
