using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using CoreChange = Territory.Core.Scenarios.ScenarioChange;

namespace Territory.Web.State;

public sealed partial class ProjectSession
{
    // The new sites of the project's last site plan (when it describes the current data), for the presence plan's sites hook.
    private volatile IReadOnlyList<Territory.Core.Presence.SitePlacement>? _sites;

    /// <summary>
    /// Analyses the project again after its stored site plan changed (a plan made on the map): the presence plan's
    /// relay-place, antenna and mobile-stop forms then list the plan's sites, as <c>territory analyse</c> does.
    /// </summary>
    public async Task ReanalyseAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await Task.Run(() => ReloadAfterCommit(), CancellationToken.None);
            progress.Done("reload", Current.Version);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static IReadOnlyList<Territory.Core.Presence.SitePlacement>? StoredSites(Territory.Store.IProjectStore store) =>
        Territory.Planning.Service.SitePlanStore.Read(store) is { } plan ? Territory.Planning.Service.SitePlanStore.Placements(plan) : null;

    /// <summary>Runs <paramref name="work"/> on the project store (its named scenarios, stored results), opened for this call only.</summary>
    /// <exception cref="Territory.Store.StoreFailureException">The project is busy, gone or damaged.</exception>
    public T WithStore<T>(Func<Territory.Store.IProjectStore, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var store = OpenExisting();
        return work(store);
    }

    /// <summary>The map's current edits as a named scenario (locations in the working CRS), made over the saved data version.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="description">Free description.</param>
    /// <param name="author">Who saves it when nobody is signed in (the signed-in user otherwise).</param>
    public Scenario ToNamedScenario(string name, string? description, string? author)
    {
        var state = State;
        var user = UserKey;
        var crs = state.Saved.Data.WorkingCrs;
        var toWorking = new Reprojector(CrsRegistry.Wgs84, crs);
        var factory = new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), crs);
        var changes = state.EditsOf(user).Changes.Select(c =>
        {
            NetTopologySuite.Geometries.Point? at = null;
            if (c.Lon is double lon && c.Lat is double lat)
            {
                var (x, y) = toWorking.Transform(lon, lat);
                at = factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(x, y));
            }
            var op = c.Op switch { "add" => ScenarioOp.Add, "move" => ScenarioOp.Move, _ => ScenarioOp.Close };
            return new CoreChange(op, c.AgencyId, c.Name, c.Kind, at);
        }).ToList();
        return new Scenario
        {
            Name = name, Description = description, Author = Author ?? author, Source = "map", BaseVersion = state.Saved.Data.DataVersion, Changes = changes,
        };
    }

    /// <summary>Makes a named scenario the request's user's current one: its changes replace their edits, over the saved state.</summary>
    /// <returns>The new current snapshot and the changes skipped because their point no longer exists.</returns>
    public async Task<(ProjectSnapshot Current, IReadOnlyList<CoreChange> Skipped)> OpenNamedAsync(Scenario scenario, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await Task.Run(() => RefreshLocked(ct), ct);
            var state = State;
            var (edits, skipped) = EditsOf(scenario, state.Saved);
            var current = edits.Changes.Count == 0
                ? state.Saved
                : await Task.Run(() => AnalyseScenario(state.Saved, null, state.Saved.Data with { Agencies = edits.Agencies.ToList() }, edits.Status, ct), ct);
            _state = State.With(UserKey, new ScenarioWorkspace(current, edits));
            progress.Done("scenario_open", current.Version);
            return (current, skipped);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Writes a named scenario as the reference network: its changes applied to the saved points replace the agencies
    /// layer (one transaction, compare-and-swap on <paramref name="seen"/>), then the travel and analysis layers follow.
    /// The map's own unsaved edits are dropped: the saved state is now the scenario.
    /// </summary>
    /// <exception cref="ProjectChangedException">The project changed since the client's view: nothing written.</exception>
    /// <exception cref="Territory.Web.Auth.AccessDeniedException">The user's role is not <c>administration</c>.</exception>
    public async Task<ProjectSnapshot> ApplyNamedAsync(Scenario scenario, long? seen, string? author, CancellationToken ct)
    {
        users?.Require(Territory.Store.Users.UserRole.Administration);
        var user = UserKey;
        await _gate.WaitAsync(ct);
        try
        {
            await Task.Run(() => EnsureCurrent(seen, "project_changed_save", ct), ct);
            var state = State;
            var (edits, _) = EditsOf(scenario, state.Saved);
            var current = await Task.Run(() => AnalyseScenario(state.Saved, null, state.Saved.Data with { Agencies = edits.Agencies.ToList() }, edits.Status, ct), ct);
            _state = State.With(user, new ScenarioWorkspace(current, edits));
            return await SaveCurrentLocked($"scénario « {scenario.Name} »", Author ?? author, user, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The scenario's changes replayed over the saved points as map edits, as <see cref="Scenario.Apply"/> does:
    /// a move or closure of a point that no longer exists is skipped; an added point whose id is taken gets a suffix.
    /// </summary>
    internal static (EditState Edits, IReadOnlyList<CoreChange> Skipped) EditsOf(Scenario scenario, ProjectSnapshot saved)
    {
        var edits = EditState.Of(saved.Data.Agencies);
        var skipped = new List<CoreChange>();
        foreach (var c in scenario.Changes)
        {
            var index = edits.Agencies.FindIndex(a => string.Equals(a.Id, c.AgencyId, StringComparison.Ordinal));
            switch (c.Op)
            {
                case ScenarioOp.Add when c.Location is not null:
                    var id = c.AgencyId;
                    for (var k = 2; edits.Agencies.Exists(a => string.Equals(a.Id, id, StringComparison.Ordinal)); k++)
                        id = $"{c.AgencyId}#{k}";
                    var (lon, lat) = saved.ToWgs84.Transform(c.Location.X, c.Location.Y);
                    edits.Agencies.Add(new Agency
                    {
                        Id = id, Name = c.Name ?? id, Kind = c.Kind, Landlord = saved.Data.Organisation, Location = c.Location,
                        Staff = c.Staff, SiteStaff = c.SiteStaff,
                    });
                    edits.Status[id] = "added";
                    edits.Changes.Add(new ScenarioChange("add", id, c.Name ?? id, c.Kind, lon, lat));
                    break;
                case ScenarioOp.Move when index >= 0 && c.Location is not null:
                    var moved = edits.Agencies[index] with { Location = c.Location };
                    edits.Agencies[index] = moved;
                    var (mlon, mlat) = saved.ToWgs84.Transform(c.Location.X, c.Location.Y);
                    var added = edits.Changes.FindIndex(x => x.Op == "add" && x.AgencyId == moved.Id);
                    if (added >= 0)
                    {
                        edits.Changes[added] = edits.Changes[added] with { Lon = mlon, Lat = mlat };
                    }
                    else
                    {
                        edits.Changes.RemoveAll(x => x.Op == "move" && x.AgencyId == moved.Id);
                        edits.Changes.Add(new ScenarioChange("move", moved.Id, moved.Name, moved.Kind, mlon, mlat));
                        edits.Status[moved.Id] = "moved";
                    }
                    break;
                case ScenarioOp.Close when index >= 0:
                    var closed = edits.Agencies[index];
                    edits.Agencies.RemoveAt(index);
                    var wasAdded = edits.Changes.RemoveAll(x => x.AgencyId == closed.Id && x.Op == "add") > 0;
                    edits.Changes.RemoveAll(x => x.AgencyId == closed.Id && x.Op == "move");
                    edits.Status.Remove(closed.Id);
                    if (!wasAdded)
                        edits.Changes.Add(new ScenarioChange("remove", closed.Id, closed.Name, closed.Kind, null, null));
                    break;
                default:
                    skipped.Add(c);
                    break;
            }
        }
        return (edits, skipped);
    }
}
