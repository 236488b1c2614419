using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Core.Typology;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// What-if on presence points: add, move or remove an agency or a relay place; travel times,
/// coverage and recommendations are recomputed at once and compared with the saved state.
/// </summary>
public static class ScenarioApi
{
    public static void MapScenarioApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/scenario").WithTags("Scénario");
        group.MapGet("/", (ProjectSession session, HttpContext http) => TypedResults.Ok(State(session, RequestLang.Of(http)))).WithName("GetScenario");
        group.MapPost("/agencies", async (NewPoint body, ProjectSession session, HttpContext http, CancellationToken ct) =>
        {
            if (!ValidLonLat(body.Lon, body.Lat))
                return IsochronesApi.Invalid(http, "api_point_lonlat_invalid");
            if (ScenarioPoints.CheckPosition(body.Lon!.Value, body.Lat!.Value, session.Saved.Data.WorkingCrs) is { } where)
                return Problems.Of(http, StatusCodes.Status400BadRequest, where);
            if (ScenarioPoints.CheckName(body.Name) is { } badName)
                return Problems.Of(http, StatusCodes.Status400BadRequest, badName);
            if (!AgencyKinds.TryParse(body.Kind ?? "lieu_relais", out var kind))
                return IsochronesApi.Invalid(http, "api_point_kind_unknown", ("kind", body.Kind), ("known", string.Join(", ", AgencyKinds.All.Select(k => k.Code()))));
            await session.AddAsync(body.Name, kind, body.Lon!.Value, body.Lat!.Value, ct);
            return (IResult)TypedResults.Created("/api/scenario", State(session));
        }).WithName("AddScenarioPoint");
        group.MapPut("/agencies/{id}", async (string id, MovedPoint body, ProjectSession session, HttpContext http, CancellationToken ct) =>
        {
            if (!ValidLonLat(body.Lon, body.Lat))
                return IsochronesApi.Invalid(http, "api_point_lonlat_invalid");
            if (ScenarioPoints.CheckPosition(body.Lon!.Value, body.Lat!.Value, session.Saved.Data.WorkingCrs) is { } where)
                return Problems.Of(http, StatusCodes.Status400BadRequest, where);
            try
            {
                await session.MoveAsync(id, body.Lon!.Value, body.Lat!.Value, ct);
            }
            catch (KeyNotFoundException)
            {
                return Problems.Of(http, StatusCodes.Status404NotFound, "api_agency_not_found", ("id", id));
            }
            return (IResult)TypedResults.Ok(State(session));
        }).WithName("MoveScenarioPoint");
        group.MapDelete("/agencies/{id}", async (string id, ProjectSession session, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                await session.RemoveAsync(id, ct);
            }
            catch (KeyNotFoundException)
            {
                return Problems.Of(http, StatusCodes.Status404NotFound, "api_agency_not_found", ("id", id));
            }
            return (IResult)TypedResults.Ok(State(session));
        }).WithName("RemoveScenarioPoint");
        // A compare-and-swap on the data version the client's view was made from (X-Territory-Data-Version):
        // 409 when someone else committed meanwhile; the session has reloaded and kept the scenario.
        group.MapPost("/save", async (ProjectSession session, HttpRequest request, CancellationToken ct) =>
        {
            await session.SaveAsync(VersionHeader.Seen(request), ct);
            return TypedResults.Ok(State(session));
        }).WithName("SaveScenario");
        group.MapPost("/discard", async (ProjectSession session, CancellationToken ct) =>
        {
            await session.DiscardAsync(ct);
            return TypedResults.Ok(State(session));
        }).WithName("DiscardScenario");
    }

    private static bool ValidLonLat(double? lon, double? lat) =>
        lon is double x && lat is double y && double.IsFinite(x) && double.IsFinite(y) && x is >= -180 and <= 180 && y is >= -90 and <= 90;

    internal static ScenarioState State(ProjectSession session, Lang lang = Lang.Fr)
    {
        var saved = session.Saved;
        var current = session.Current;
        var changes = session.Changes.Select(c => new ChangeInfo(c.Op, c.AgencyId, c.Name, c.Kind.Code(), c.Lon, c.Lat)).ToList();
        // No scenario: the map's state is the saved one, nothing differs (every page's first request; a national
        // project has tens of thousands of territories to compare otherwise).
        if (ReferenceEquals(saved, current))
            return new ScenarioState(current.Version, session.DataVersion, changes.Count > 0, changes, Figures(saved.Coverage), Figures(current.Coverage), [], []);
        var agencyIds = saved.Data.Agencies.Select(a => a.Id).Union(current.Data.Agencies.Select(a => a.Id), StringComparer.Ordinal);
        var agencies = agencyIds.Select(id =>
        {
            saved.TravelByAgency.TryGetValue(id, out var before);
            current.TravelByAgency.TryGetValue(id, out var after);
            var name = current.AgenciesById.GetValueOrDefault(id)?.Name ?? saved.AgenciesById.GetValueOrDefault(id)?.Name;
            var status = !current.AgenciesById.ContainsKey(id) ? "removed" : current.StatusOf(id);
            return new AgencyComparison(id, name, status, Round(before?.MeanMinutes), Round(after?.MeanMinutes), before?.EstateCount ?? 0, after?.EstateCount ?? 0);
        }).Where(a => a.Status != "saved" || a.SavedEstates != a.CurrentEstates || a.SavedMeanMinutes != a.CurrentMeanMinutes).ToList();
        var territories = new List<TerritoryComparison>();
        foreach (var after in current.Analysis.Territories)
        {
            if (!saved.TerritoriesById.TryGetValue(after.Id, out var before))
                continue;
            var plan = PlanChanges(before, after, lang);
            var meanBefore = Round(before.Indicators.MeanTravelMinutes);
            var meanAfter = Round(after.Indicators.MeanTravelMinutes);
            if (before.Type == after.Type && plan.Count == 0 && meanBefore == meanAfter)
                continue;
            territories.Add(new TerritoryComparison(after.Id, after.Name, before.Type.Code(), after.Type.Code(), meanBefore, meanAfter,
                plan.Where(c => c.SavedStatus is null).Select(c => c.Label).ToList(), plan.Where(c => c.CurrentStatus is null).Select(c => c.Label).ToList(), plan));
        }
        return new ScenarioState(current.Version, session.DataVersion, changes.Count > 0, changes, Figures(saved.Coverage), Figures(current.Coverage), agencies,
            territories.OrderBy(t => t.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>Forms of the presence plan whose status differs between the saved state and the scenario (a relay place « à créer » → « présent »).</summary>
    private static List<PlanChange> PlanChanges(TerritoryResult before, TerritoryResult after, Lang lang)
    {
        var was = before.Plan.ToDictionary(p => p.Form);
        var now = after.Plan.ToDictionary(p => p.Form);
        return was.Keys.Union(now.Keys).Order()
            .Select(f => (Form: f, Was: was.GetValueOrDefault(f)?.Status, Now: now.GetValueOrDefault(f)?.Status))
            .Where(x => x.Was != x.Now)
            .Select(x => new PlanChange(x.Form.Code(), Catalogue.Text(lang, x.Form.LabelCode()), x.Was?.Code(), Label(x.Was), x.Now?.Code(), Label(x.Now)))
            .ToList();

        string? Label(PlanStatus? status) => status is { } st ? Catalogue.Text(lang, st.LabelCode()) : null;
    }

    private static CoverageFigures Figures(Coverage c) => new(c.Dwellings, Math.Round(c.Within20, 4), Math.Round(c.Within30, 4), Math.Round(c.Within45, 4),
        c.DwellingsWithin20, c.DwellingsWithin30, c.DwellingsWithin45, Round(c.MeanMinutes), Round(c.P90Minutes), Round(c.MaxMinutes), c.UnreachableDwellings, c.Estimated);

    private static double? Round(double? v) => v is double x ? Math.Round(x, 1) : null;
}

public sealed record NewPoint(string? Name, string? Kind, double? Lon, double? Lat);

public sealed record MovedPoint(double? Lon, double? Lat);

public sealed record ChangeInfo(string Op, string AgencyId, string? Name, string Kind, double? Lon, double? Lat);

public sealed record CoverageFigures(int Dwellings, double Within20, double Within30, double Within45, int DwellingsWithin20, int DwellingsWithin30,
    int DwellingsWithin45, double? MeanMinutes, double? P90Minutes, double? MaxMinutes, int UnreachableDwellings, bool Estimated);

public sealed record AgencyComparison(string Id, string? Name, string Status, double? SavedMeanMinutes, double? CurrentMeanMinutes, int SavedEstates, int CurrentEstates);

public sealed record TerritoryComparison(string Id, string Name, string SavedType, string CurrentType, double? SavedMeanMinutes, double? CurrentMeanMinutes,
    IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<PlanChange> Plan);

/// <summary>A form of the presence plan whose status changed (null: the form is not in that plan).</summary>
public sealed record PlanChange(string Form, string Label, string? SavedStatus, string? SavedLabel, string? CurrentStatus, string? CurrentLabel);

public sealed record ScenarioState(int Version, long DataVersion, bool Dirty, IReadOnlyList<ChangeInfo> Changes, CoverageFigures Saved, CoverageFigures Current,
    IReadOnlyList<AgencyComparison> Agencies, IReadOnlyList<TerritoryComparison> Territories);
