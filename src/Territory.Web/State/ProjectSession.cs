using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Core.Typology;
using Territory.IO.Export;
using Territory.IO.GeoPackage;
using Territory.IO.Import;
using Territory.Store;
using Territory.IO.Travel;
using Territory.Routing.Graph;
using Territory.Routing.Review;
using Territory.Web.Hosting;
using Territory.Store.GeoPackage;

namespace Territory.Web.State;

/// <summary>
/// The project the server shows: the saved state (as in the GeoPackage) and the current state
/// (saved state + the scenario's edits of presence points). Reads take a snapshot without locking;
/// edits, saves and imports run one at a time and swap in a new snapshot.
/// </summary>
public sealed class ProjectSession(WebOptions options, ProgressHub progress)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<ScenarioChange> _changes = [];
    private List<Agency> _agencies = [];
    private readonly Dictionary<string, string> _status = new(StringComparer.Ordinal);
    private int _version;
    private int _nextScenarioId = 1;
    private volatile ProjectSnapshot? _saved;
    private volatile ProjectSnapshot? _current;

    /// <summary>Full path of the project GeoPackage.</summary>
    public string ProjectPath { get; } = Path.GetFullPath(options.Project ?? throw new WebStartupException("aucun projet."));

    /// <summary>The project's road graph (read-only, shared), or null: travel times are then straight-line estimates.</summary>
    public RoadGraph? Graph { get; private set; }

    /// <summary>Typology thresholds (the documented defaults).</summary>
    public TypologyConfig Config { get; } = TypologyConfig.Default;

    /// <summary>The state as saved in the GeoPackage.</summary>
    public ProjectSnapshot Saved => _saved ?? throw new InvalidOperationException("Project not loaded.");

    /// <summary>The state the map shows: saved + scenario.</summary>
    public ProjectSnapshot Current => _current ?? throw new InvalidOperationException("Project not loaded.");

    /// <summary>Scenario edits since the last save, in order.</summary>
    public IReadOnlyList<ScenarioChange> Changes
    {
        get
        {
            lock (_changes)
                return _changes.ToList();
        }
    }

    /// <summary>Reads the project and its road graph, reviews travel times and analyses it.</summary>
    public void Load()
    {
        Graph = ProjectRoadGraph.TryLoad(ProjectPath);
        ReloadSaved(null, CancellationToken.None);
    }

    /// <summary>Adds a presence point at (lon, lat).</summary>
    public Task<ProjectSnapshot> AddAsync(string? name, AgencyKind kind, double lon, double lat, CancellationToken ct) => Edit(() =>
    {
        string id;
        do id = $"SCN-{_nextScenarioId++}";
        while (_agencies.Any(a => a.Id == id) || Saved.AgenciesById.ContainsKey(id));
        var label = string.IsNullOrWhiteSpace(name) ? $"{kind.Label()} {id}" : name.Trim();
        _agencies.Add(new Agency { Id = id, Name = label, Kind = kind, Landlord = Saved.Data.Organisation, Location = ToWorking(lon, lat) });
        _status[id] = "added";
        _changes.Add(new ScenarioChange("add", id, label, kind, lon, lat));
        return id;
    }, ct);

    /// <summary>Moves a saved or added point.</summary>
    /// <exception cref="KeyNotFoundException">No such point in the current state.</exception>
    public Task<ProjectSnapshot> MoveAsync(string id, double lon, double lat, CancellationToken ct) => Edit(() =>
    {
        var index = IndexOf(id);
        var agency = _agencies[index] with { Location = ToWorking(lon, lat) };
        _agencies[index] = agency;
        var added = _changes.FindIndex(c => c.Op == "add" && c.AgencyId == id);
        if (added >= 0)
        {
            _changes[added] = _changes[added] with { Lon = lon, Lat = lat };
        }
        else
        {
            _changes.RemoveAll(c => c.Op == "move" && c.AgencyId == id);
            _changes.Add(new ScenarioChange("move", id, agency.Name, agency.Kind, lon, lat));
            _status[id] = "moved";
        }
        return id;
    }, ct);

    /// <summary>Removes a point (an added one simply disappears from the scenario).</summary>
    /// <exception cref="KeyNotFoundException">No such point in the current state.</exception>
    public Task<ProjectSnapshot> RemoveAsync(string id, CancellationToken ct) => Edit(() =>
    {
        var index = IndexOf(id);
        var agency = _agencies[index];
        _agencies.RemoveAt(index);
        var wasAdded = _changes.RemoveAll(c => c.AgencyId == id && c.Op == "add") > 0;
        _changes.RemoveAll(c => c.AgencyId == id && c.Op == "move");
        _status.Remove(id);
        if (!wasAdded)
            _changes.Add(new ScenarioChange("remove", id, agency.Name, agency.Kind, null, null));
        return id;
    }, ct);

    /// <summary>Back to the saved state.</summary>
    public async Task<ProjectSnapshot> DiscardAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ClearScenario();
            _current = Rebuild(Saved.Data, Saved, null, ct);
            progress.Done("discard", Current.Version);
            return Current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the scenario's presence points into the project, then its travel and analysis layers.</summary>
    /// <remarks>The agencies layer is replaced in one transaction; the derived layers follow, each in its own.</remarks>
    public async Task<ProjectSnapshot> SaveAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = Current;
            var reporter = progress.Task("save", "Enregistrement du scénario");
            await Task.Run(() =>
            {
                using var store = GeoPackageProjectStore.Open(ProjectPath);
                var crs = current.Data.WorkingCrs;
                store.ImportLayer(new ImportResult
                {
                    Kind = LayerKind.Agencies,
                    SourcePath = "scénario",
                    SourceCrs = crs,
                    TargetCrs = crs,
                    Read = current.Data.Agencies.Count,
                    Agencies = current.Data.Agencies,
                }, new LayerWriteOptions { AllowShrink = true, Source = "scénario" }, ct);
                reporter.Report(0.3);
                if (current.Review is not null)
                    TravelReviewLayers.Write(store, crs, current.Data.Estates, current.Data.Agencies, current.Review, ct);
                reporter.Report(0.6);
                AnalysisLayers.Write(store, current.Analysis, ct);
                reporter.Report(0.8);
            }, ct);
            ClearScenario();
            ReloadSaved(reporter, ct);
            progress.Done("save", Current.Version);
            return Current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Imports a file into one layer of the project (one transaction), then reloads and reanalyses.</summary>
    /// <param name="path">The uploaded file, stored by the server.</param>
    /// <param name="displayName">The user's file name, for the report only.</param>
    /// <param name="kind">Target layer.</param>
    /// <param name="append">Add to the layer instead of replacing it.</param>
    /// <param name="layerName">Layer to read in a multi-layer source.</param>
    /// <param name="crs">Source CRS when the file does not say it.</param>
    /// <param name="ct">Cancellation: the project is left unchanged.</param>
    /// <exception cref="ImportException">The file cannot be read at all.</exception>
    public async Task<(ImportResult Result, LayerWriteOutcome Outcome)> ImportAsync(string path, string displayName, LayerKind kind, bool append,
        string? layerName, string? crs, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var reporter = progress.Task("import", $"Import de {displayName}");
            var (result, outcome) = await Task.Run(() =>
            {
                using var store = GeoPackageProjectStore.Open(ProjectPath);
                var read = LayerImporter.Import(path, kind, new ImportOptions
                {
                    Crs = crs,
                    LayerName = layerName,
                    TargetCrs = store.WorkingCrs,
                    Progress = new Progress<double>(v => reporter.Report(v * 0.6)),
                }, ct);
                var written = store.ImportLayer(read, new LayerWriteOptions { Append = append, AllowShrink = true, Source = displayName }, ct);
                return (read, written);
            }, ct);
            ReloadSaved(reporter, ct, keepScenario: true);
            progress.Done("import", Current.Version);
            return (result, outcome);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ProjectSnapshot> Edit(Func<string> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            lock (_changes)
                change();
            _current = await Task.Run(() => Rebuild(Saved.Data with { Agencies = _agencies.ToList() }, Saved, null, ct), ct);
            return Current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private int IndexOf(string id)
    {
        var index = _agencies.FindIndex(a => a.Id == id);
        return index >= 0 ? index : throw new KeyNotFoundException(id);
    }

    private void ClearScenario()
    {
        lock (_changes)
        {
            _changes.Clear();
            _status.Clear();
            _agencies = Saved.Data.Agencies.ToList();
        }
    }

    private void ReloadSaved(IProgress<double>? reporter, CancellationToken ct, bool keepScenario = false)
    {
        ProjectData data;
        using (var store = GeoPackageProjectStore.Open(ProjectPath))
            data = ProjectData.Read(store);
        _saved = Rebuild(data, null, reporter, ct);
        if (!keepScenario || _changes.Count == 0)
        {
            ClearScenario();
            _current = _saved;
            return;
        }
        // An import while a scenario is open: replay the scenario's edits over the new saved layers.
        lock (_changes)
        {
            var agencies = data.Agencies.ToList();
            foreach (var c in _changes)
            {
                agencies.RemoveAll(a => a.Id == c.AgencyId);
                if (c.Op == "remove")
                    continue;
                var before = _agencies.FirstOrDefault(a => a.Id == c.AgencyId);
                if (before is not null)
                    agencies.Add(before);
            }
            _agencies = agencies;
        }
        _current = Rebuild(data with { Agencies = _agencies.ToList() }, _saved, null, ct);
    }

    private ProjectSnapshot Rebuild(ProjectData data, ProjectSnapshot? saved, IProgress<double>? reporter, CancellationToken ct)
    {
        AgencyTravelReviewResult? review = null;
        if (data.Estates.Count > 0 && data.Agencies.Count > 0)
            review = AgencyTravelReview.Compute(data.Estates, data.Agencies, data.WorkingCrs, Graph, null,
                reporter is null ? null : new Progress<double>(v => reporter.Report(0.6 + v * 0.3)), ct);
        var access = review?.Access.ToDictionary(a => a.EstateId, StringComparer.Ordinal);
        var analysis = TerritoryAnalysis.Run(data.ToAnalysisInput(access), Config, ct);
        reporter?.Report(1);
        var status = saved is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(_status, StringComparer.Ordinal);
        return new ProjectSnapshot(Interlocked.Increment(ref _version), data, review, analysis, status);
    }

    private Point ToWorking(double lon, double lat)
    {
        var crs = Saved.Data.WorkingCrs;
        var (x, y) = new Reprojector(CrsRegistry.Wgs84, crs).Transform(lon, lat);
        return new GeometryFactory(new PrecisionModel(), crs).CreatePoint(new Coordinate(x, y));
    }
}
