using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.Planning.Service;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// The project's named scenarios: list, show, open (its changes become the map's current scenario), save the
/// current edits under a name, delete, write one as the reference network, and compare several with the saved state.
/// </summary>
/// <remarks>
/// Named scenarios live in the project (<c>IProjectStore</c> scenario tables): the CLI's <c>territory scenario</c>
/// and <c>plan sites --save-scenario</c> see the same ones. Writing one as the reference network is the session's
/// compare-and-swap: made from an older view than what is committed, it is refused (409) with nothing written.
/// </remarks>
public static class ScenariosApi
{
    /// <summary>Scenarios compared at once at most (each is a travel review and an analysis).</summary>
    public const int MaxCompared = 6;

    public static void MapScenariosApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/scenarios").WithTags("Scénarios nommés");
        group.MapGet("/", (ProjectSession session) =>
            TypedResults.Ok(new ScenarioList(session.ListNamed().Select(Summary).ToList())))
            .WithName("ListScenarios");
        group.MapGet("/{name}", (string name, ProjectSession session, HttpContext http) =>
            session.ReadNamed(name) is { } scenario
                ? (IResult)TypedResults.Ok(Detail(scenario, session.Saved))
                : NotFound(http, name))
            .WithName("GetNamedScenario");
        group.MapPost("/", (SaveAs body, ProjectSession session, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "scenario_name_empty");
            if (session.Changes.Count == 0)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_scenario_no_changes");
            var scenario = session.ToNamedScenario(body.Name.Trim(), Blank(body.Description), Environment.UserName);
            if (!Save(session, scenario, body.Overwrite == true, http, out var refused, body.Shared))
                return refused!;
            return TypedResults.Created($"/api/scenarios/{Uri.EscapeDataString(scenario.Name)}", Detail(session.WithStore(s => s.ReadScenario(scenario.Name))!, session.Saved));
        }).WithName("SaveNamedScenario");
        group.MapDelete("/{name}", (string name, ProjectSession session, HttpContext http) =>
            session.DeleteNamed(name) ? (IResult)TypedResults.NoContent() : NotFound(http, name))
            .WithName("DeleteNamedScenario");
        group.MapPost("/{name}/open", async (string name, ProjectSession session, HttpContext http, CancellationToken ct) =>
        {
            if (session.ReadNamed(name) is not { } scenario)
                return NotFound(http, name);
            var (_, skipped) = await session.OpenNamedAsync(scenario, ct);
            var lang = RequestLang.Of(http);
            return (IResult)TypedResults.Ok(new OpenedScenario(scenario.Name, ScenarioApi.State(session, lang),
                skipped.Select(c => new SkippedChange(c.Op.Code(), c.AgencyId, c.Name)).ToList(),
                skipped.Count == 0 ? null : Message.Of("planmap_scenario_skipped", ("count", skipped.Count)).Render(lang)));
        }).WithName("OpenNamedScenario");
        // Several networks evaluated alike (travel review, analysis, rounds): a job, like a plan.
        group.MapPost("/compare", (CompareBody body, PlanningJobs jobs, ProjectSession session, HttpContext http) =>
        {
            var names = (body.Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 0)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_compare_none");
            if (names.Count > MaxCompared)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_compare_too_many", ("count", names.Count), ("max", MaxCompared));
            var scenarios = new List<Scenario>();
            foreach (var name in names)
            {
                if (session.ReadNamed(name) is not { } scenario)
                    return NotFound(http, name);
                scenarios.Add(scenario);
            }
            if (body.RoundBase is { } roundBase && !session.Saved.AgenciesById.ContainsKey(roundBase))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_base_unknown", ("id", roundBase));
            var job = jobs.StartComparison(scenarios, new ComparisonOptions { Config = session.Config, RoundBaseId = body.RoundBase });
            return (IResult)TypedResults.Accepted($"/api/plan/jobs/{job.Id}", PlanningAnswers.Of(job, session, RequestLang.Of(http)));
        }).WithName("CompareNamedScenarios");
        // Compare-and-swap on the data version the client's view was made from (X-Territory-Data-Version).
        group.MapPost("/{name}/apply", async (string name, ProjectSession session, HttpContext http, CancellationToken ct) =>
        {
            if (session.ReadNamed(name) is not { } scenario)
                return NotFound(http, name);
            await session.ApplyNamedAsync(scenario, VersionHeader.Seen(http.Request), Environment.UserName, ct);
            return (IResult)TypedResults.Ok(ScenarioApi.State(session, RequestLang.Of(http)));
        }).WithName("ApplyNamedScenario");
    }

    /// <summary>Saves a scenario; false with the problem answer when the name is taken (409) or refused by the store (400).</summary>
    /// <remarks>The session stamps the signed-in user as author and keeps their scenario private unless <paramref name="shared"/>.</remarks>
    internal static bool Save(ProjectSession session, Scenario scenario, bool overwrite, HttpContext http, out IResult? refused, bool? shared = null)
    {
        refused = null;
        try
        {
            session.SaveNamed(scenario, overwrite, shared);
            return true;
        }
        catch (ReasonException e) when (e.Reason.Code == "scenario_name_taken")
        {
            refused = Problems.Of(http, StatusCodes.Status409Conflict, e.Reason);
            return false;
        }
    }

    internal static IResult NotFound(HttpContext http, string name) =>
        Problems.Of(http, StatusCodes.Status404NotFound, "planmap_scenario_not_found", ("name", name));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ScenarioSummary Summary(Scenario s) =>
        new(s.Name, s.Author, s.Description, s.Source, s.BaseVersion, s.CreatedAt, s.UpdatedAt);

    internal static ScenarioDetail Detail(Scenario s, ProjectSnapshot saved)
    {
        var changes = s.Changes.Select(c =>
        {
            double? lon = null, lat = null;
            if (c.Location is { } at)
                (lon, lat) = saved.ToWgs84.Transform(at.X, at.Y);
            return new NamedChange(c.Op.Code(), c.AgencyId, c.Name, c.Kind.Code(), lon is double x ? Math.Round(x, 6) : null, lat is double y ? Math.Round(y, 6) : null);
        }).ToList();
        return new ScenarioDetail(Summary(s), changes, s.Changes.Count(c => c.Op == ScenarioOp.Add), s.Changes.Count(c => c.Op == ScenarioOp.Move),
            s.Changes.Count(c => c.Op == ScenarioOp.Close));
    }
}

/// <summary>Body of « compare »: the scenarios' names, and the base of the mobile rounds (default: the agency nearest the stops).</summary>
public sealed record CompareBody(IReadOnlyList<string>? Names, string? RoundBase);

/// <summary>Body of « save the current edits as »: the name, a description, and whether to replace a scenario of that name.</summary>
/// <param name="Shared">Visible to every user of the project; by default a signed-in user's scenario is theirs alone.</param>
public sealed record SaveAs(string? Name, string? Description, bool? Overwrite, bool? Shared = null);

public sealed record ScenarioList(IReadOnlyList<ScenarioSummary> Scenarios);

/// <summary>A named scenario without its changes.</summary>
public sealed record ScenarioSummary(string Name, string? Author, string? Description, string Source, long BaseVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One change of a named scenario; positions in WGS84 degrees (null for a closure).</summary>
public sealed record NamedChange(string Op, string AgencyId, string? Name, string Kind, double? Lon, double? Lat);

public sealed record ScenarioDetail(ScenarioSummary Scenario, IReadOnlyList<NamedChange> Changes, int Added, int Moved, int Closed);

/// <summary>A change the scenario could not replay: its point no longer exists in the project.</summary>
public sealed record SkippedChange(string Op, string AgencyId, string? Name);

/// <summary>The answer of « open »: the map's scenario state and what could not be replayed.</summary>
public sealed record OpenedScenario(string Name, ScenarioState State, IReadOnlyList<SkippedChange> Skipped, string? Notice);
