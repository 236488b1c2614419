using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Typology;
using Territory.IO.Travel;
using Territory.Routing.Graph;
using Territory.Store;
using Territory.Store.Results;
using Territory.Web.Auth;
using Territory.Web.Hosting;

namespace Territory.Web.State;

/// <summary>
/// The project the server shows: the saved state (as committed in the store) and the current state
/// (saved state + the scenario's edits of presence points). Reads take a snapshot without locking;
/// edits, saves, imports and reloads run one at a time and swap in a new state at once.
/// </summary>
/// <remarks>
/// <para><b>Others write too.</b> The CLI, QGIS or another server may commit to the same project. The
/// session reloads what others committed — every state-changing request first compares the store's
/// data version with the one its snapshot was read at, and <see cref="ProjectWatcher"/> polls it —
/// replaying the scenario's edits over the fresh layers.</para>
/// <para><b>Compare-and-swap.</b> Saves and imports write with the data version of the snapshot they were
/// made from as <c>ExpectedVersion</c>; a request made from an older state than the committed one is
/// refused (<see cref="ProjectChangedException"/>, 409) with nothing written, after the session reloaded.</para>
/// <para><b>One scenario per user.</b> Each signed-in user edits their own scenario over the shared saved state
/// (<see cref="SessionState"/>); <see cref="Current"/> and <see cref="Changes"/> answer for the user of the request
/// (<see cref="UserContext"/>). Edits of different users run side by side; saves, imports and reloads run one at a time.
/// A signed-in user's unsaved scenario is let go after <see cref="IdleLimit"/> without a request from them (ProjectSession.Idle.cs).</para>
/// <para><b>After a commit</b> the reload runs to completion on the session's own token, never the
/// request's: a browser going away cannot leave the session on its old snapshot. If the reload fails,
/// the session is marked stale and refuses saves (<see cref="SessionStaleException"/>) until a reload succeeds.</para>
/// </remarks>
public sealed partial class ProjectSession(WebOptions options, ProgressHub progress, UserContext? users = null, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _userGates = new(StringComparer.Ordinal);
    private int _nextPoint;
    private readonly CancellationTokenSource _lifetime = new();
    private volatile SessionState? _state;
    private volatile Message? _staleReason;
    private int _version;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The project's location: full path of the GeoPackage, or the PostgreSQL URI.</summary>
    public string ProjectPath { get; } = options.Project is { } p ? (ProjectStores.IsUri(p) ? p : Path.GetFullPath(p)) : throw new WebStartupException(Message.Of("web_no_project"));

    /// <summary>The project's road graph (read-only, shared), or null: travel times are then straight-line estimates.</summary>
    public RoadGraph? Graph { get; private set; }

    /// <summary>Typology thresholds (the documented defaults).</summary>
    public TypologyConfig Config { get; } = TypologyConfig.Default;

    /// <summary>The state as saved in the store.</summary>
    public ProjectSnapshot Saved => State.Saved;

    /// <summary>The state the map shows the user of the request: saved + their scenario.</summary>
    public ProjectSnapshot Current => State.CurrentOf(UserKey);

    /// <summary>The data version of the store the saved state was read at.</summary>
    public long DataVersion => State.Saved.Data.DataVersion;

    /// <summary>Why saves are refused (a reload after a commit failed), or null when the session is up to date.</summary>
    public Message? StaleReason => _staleReason;

    /// <summary>
    /// Completes when the first <see cref="Load"/> has ended: faulted with its failure when it failed. API requests and the
    /// watcher wait on it when the server listens before the load (<see cref="WebOptions.ListenBeforeLoad"/>).
    /// </summary>
    public Task Ready => _ready.Task;

    private int _waitingForLoad;

    /// <summary>API requests waiting for the first load (<see cref="Hosting.LoadGate"/>).</summary>
    internal int WaitingForLoad => Volatile.Read(ref _waitingForLoad);

    /// <summary>Waits for the first load on behalf of a request (counted in <see cref="WaitingForLoad"/>).</summary>
    internal async Task WaitForLoadAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _waitingForLoad);
        try
        {
            await Ready.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waitingForLoad);
        }
    }

    /// <summary>The request's user's scenario edits since their last save, in order.</summary>
    public IReadOnlyList<ScenarioChange> Changes => State.Workspaces.TryGetValue(UserKey, out var w) ? w.Edits.Changes : [];

    /// <summary>Whose scenario a request reads and edits: the signed-in user's name, or the empty name without sign-in.</summary>
    private string UserKey
    {
        get
        {
            var key = users?.Current is { SignedIn: true } user ? user.Name : "";
            Seen(key);
            return key;
        }
    }

    private SessionState State => _state ?? throw new InvalidOperationException("Project not loaded.");

    /// <summary>Reads the project and its road graph, reviews travel times and analyses it.</summary>
    /// <param name="ct">Stops the load, down to the travel review's searches (the server then does not start).</param>
    /// <param name="progress">Share of the load done, 0–1 (the travel review reports from 0.6 to 0.9).</param>
    /// <remarks>
    /// The road graph, the layers (the large ones on connections of their own, <see cref="ProjectData.ReadParallel"/>)
    /// and the stored review and analysis (<see cref="StoredResults"/>) are read at the same time; the stored results
    /// are used only when their keys match the layers and graph read.
    /// </remarks>
    public void Load(CancellationToken ct = default, IProgress<double>? progress = null)
    {
        try
        {
            LoadOnce(ct, progress);
            _ready.TrySetResult();
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            throw;
        }
    }

    private void LoadOnce(CancellationToken ct, IProgress<double>? progress)
    {
        // Each stage is said before it runs (territory serve prints them: the load takes tens of seconds on a large project).
        var stage = options.StartupStage;
        stage?.Invoke(Message.Of("serve_stage_roads", ("project", ProjectStores.IsUri(ProjectPath) ? ProjectStores.NameOf(ProjectPath) : Path.GetFileName(ProjectPath))));
        // The road graph through the store: beside a GeoPackage, in the schema of a PostGIS project.
        var graph = Task.Run(() =>
        {
            using var store = OpenExisting();
            return store.LoadRoadGraph();
        }, ct);
        var stored = Task.Run(() =>
        {
            using var store = OpenExisting();
            return StoredResults.Read(store);
        }, ct);
        var layers = Task.Run(ReadStore, ct);
        ProjectData data;
        try
        {
            Graph = graph.GetAwaiter().GetResult();
            _graphKey = AnalysisInputKeys.GraphKey(Graph);
            stage?.Invoke(Graph is null ? Message.Of("serve_stage_no_roads") : Message.Of("serve_stage_layers", ("nodes", Graph.NodeCount)));
            data = layers.GetAwaiter().GetResult();
        }
        finally
        {
            // Never leave a reading task behind on a failure (a non-throwing wait: the failure is the one thrown above).
            Task.WaitAny([Task.WhenAll(graph, layers, stored)], CancellationToken.None);
        }
        ct.ThrowIfCancellationRequested();
        stage?.Invoke(Message.Of("serve_stage_analysis", ("estates", data.Estates.Count), ("agencies", data.Agencies.Count),
            ("communes", data.Communes.Count), ("districts", data.Districts.Count)));
        progress?.Report(0.6);
        var saved = AnalyseSaved(data, progress, ct, stored.GetAwaiter().GetResult());
        _state = SessionState.Of(saved);
        Published(saved);
        if (LastLoad is { } outcome)
            stage?.Invoke(StoredAnalysisNote.Of(outcome));
        stage?.Invoke(Message.Of("serve_stage_ready", ("territories", saved.Analysis.Territories.Count)));
    }

    /// <summary>Adds a presence point at (lon, lat).</summary>
    public Task<ProjectSnapshot> AddAsync(string? name, AgencyKind kind, double lon, double lat, CancellationToken ct) => Edit(edits =>
    {
        string id;
        // Numbered across users: two users' added points never share an id, even once one of them is saved.
        do id = $"SCN-{Interlocked.Increment(ref _nextPoint)}";
        while (edits.Agencies.Any(a => a.Id == id) || Saved.AgenciesById.ContainsKey(id));
        // An unnamed point is named after its kind in the language of the user who adds it (the name is kept as data).
        var label = string.IsNullOrWhiteSpace(name) ? $"{kind.Label(users?.Lang ?? Lang.Fr)} {id}" : name.Trim();
        edits.Agencies.Add(new Agency { Id = id, Name = label, Kind = kind, Landlord = Saved.Data.Organisation, Location = ToWorking(lon, lat) });
        edits.Status[id] = "added";
        edits.Changes.Add(new ScenarioChange("add", id, label, kind, lon, lat));
    }, ct);

    /// <summary>Moves a saved or added point.</summary>
    /// <exception cref="KeyNotFoundException">No such point in the current state.</exception>
    public Task<ProjectSnapshot> MoveAsync(string id, double lon, double lat, CancellationToken ct) => Edit(edits =>
    {
        var index = IndexOf(edits, id);
        var agency = edits.Agencies[index] with { Location = ToWorking(lon, lat) };
        edits.Agencies[index] = agency;
        var added = edits.Changes.FindIndex(c => c.Op == "add" && c.AgencyId == id);
        if (added >= 0)
        {
            edits.Changes[added] = edits.Changes[added] with { Lon = lon, Lat = lat };
        }
        else
        {
            edits.Changes.RemoveAll(c => c.Op == "move" && c.AgencyId == id);
            edits.Changes.Add(new ScenarioChange("move", id, agency.Name, agency.Kind, lon, lat));
            edits.Status[id] = "moved";
        }
    }, ct);

    /// <summary>Removes a point (an added one simply disappears from the scenario).</summary>
    /// <exception cref="KeyNotFoundException">No such point in the current state.</exception>
    public Task<ProjectSnapshot> RemoveAsync(string id, CancellationToken ct) => Edit(edits =>
    {
        var index = IndexOf(edits, id);
        var agency = edits.Agencies[index];
        edits.Agencies.RemoveAt(index);
        var wasAdded = edits.Changes.RemoveAll(c => c.AgencyId == id && c.Op == "add") > 0;
        edits.Changes.RemoveAll(c => c.AgencyId == id && c.Op == "move");
        edits.Status.Remove(id);
        if (!wasAdded)
            edits.Changes.Add(new ScenarioChange("remove", id, agency.Name, agency.Kind, null, null));
    }, ct);

    /// <summary>The request's user back to the saved state (the other users' scenarios stay).</summary>
    public async Task<ProjectSnapshot> DiscardAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await Task.Run(() => RefreshLocked(ct), ct);
            _state = State.Without(UserKey);
            progress.Done("discard", Current.Version);
            return Current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
        _gate.Dispose();
        foreach (var gate in _userGates.Values)
            gate.Dispose();
    }

    // An edit is computed on a copy and published with its snapshot at once: a request cancelled
    // mid-way leaves the scenario exactly as it was. Each user's edits run one at a time; the travel
    // review and analysis of one user's edit run outside the session's gate, so users do not wait for
    // each other. If the saved state moved meanwhile (a save, an import), the edit is made again over it.
    private async Task<ProjectSnapshot> Edit(Action<EditState> change, CancellationToken ct)
    {
        var user = UserKey;
        var mine = _userGates.GetOrAdd(user, _ => new SemaphoreSlim(1, 1));
        await mine.WaitAsync(ct);
        try
        {
            await _gate.WaitAsync(ct);
            try
            {
                await Task.Run(() => RefreshLocked(ct), ct);
            }
            finally
            {
                _gate.Release();
            }
            while (true)
            {
                var state = State;
                var edits = state.EditsOf(user).Clone();
                change(edits);
                // Incremental over this user's own last state: only the rows of the points their edit added or moved are searched.
                var current = await Task.Run(() => AnalyseScenario(state.Saved, state.CurrentOf(user), state.Saved.Data with { Agencies = edits.Agencies.ToList() }, edits.Status, ct), ct);
                await _gate.WaitAsync(ct);
                try
                {
                    if (ReferenceEquals(State.Saved, state.Saved))
                    {
                        _state = State.With(user, new ScenarioWorkspace(current, edits));
                        return current;
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        finally
        {
            mine.Release();
        }
    }

    private static int IndexOf(EditState edits, string id)
    {
        var index = edits.Agencies.FindIndex(a => a.Id == id);
        return index >= 0 ? index : throw new KeyNotFoundException(id);
    }

    private Point ToWorking(double lon, double lat)
    {
        var crs = Saved.Data.WorkingCrs;
        var (x, y) = new Reprojector(CrsRegistry.Wgs84, crs).Transform(lon, lat);
        return new GeometryFactory(new PrecisionModel(), crs).CreatePoint(new Coordinate(x, y));
    }
}
