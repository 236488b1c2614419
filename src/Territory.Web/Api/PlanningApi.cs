using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Planning.Location;
using Territory.Planning.Rounds;
using Territory.Planning.Service;
using Territory.Store;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// Network planning from the map: where to put presence sites (<c>POST /api/plan/sites</c>), the mobile agency's
/// week (<c>POST /api/plan/rounds</c>), the job's answer (<c>GET /api/plan/jobs/{id}</c>) and a site plan saved as
/// a named scenario (<c>POST /api/plan/jobs/{id}/scenario</c>).
/// </summary>
/// <remarks>
/// A plan runs off the request: the POST checks the input and answers 202 with the job at once; progress by stage
/// and the job's end (<c>done</c>, task <c>plan</c>) go out on <c>/api/events</c>. Plans read the saved state.
/// </remarks>
public static class PlanningApi
{
    /// <summary>Longest solver time a map user may ask for, seconds.</summary>
    public const double MaxTimeLimitSeconds = 120;

    public static void MapPlanningApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/plan").WithTags("Planification");
        group.MapPost("/sites", (SitePlanBody body, PlanningJobs jobs, ProjectSession session, HttpContext http) =>
        {
            if (!PlanningProblems.TryParse(body.Problem, out var problem))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_problem_unknown", ("problem", body.Problem), ("known", "lscp, mclp, pmedian, pcenter"));
            if (body.Minutes is not (> 0 and <= 600))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_minutes_required");
            // With every existing point kept, the map asks how many sites to add; p counts the kept ones too.
            var keep = body.KeepExisting ?? false;
            var count = keep && body.NewCount is int added && (body.Sources?.Existing ?? true) ? added + session.Saved.Data.Agencies.Count : body.Count;
            if (keep && body.NewCount is < 1)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_count_required");
            if (problem.NeedsCount() && count is not >= 1)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_count_required");
            if (body.Capacity is <= 0)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_capacity_invalid");
            if (body.Budget is { } budget && (budget < 0 || !double.IsFinite(budget) || problem is not (PlanningProblem.Mclp or PlanningProblem.Lscp)))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_budget_invalid");
            var kind = AgencyKind.LieuRelais;
            if (body.Kind is not null && !AgencyKinds.TryParse(body.Kind, out kind))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_kind_unknown", ("kind", body.Kind), ("known", string.Join(", ", AgencyKinds.All.Select(k => k.Code()))));
            var sources = new CandidateSelection
            {
                Existing = body.Sources?.Existing ?? true, ImportedLayer = body.Sources?.Imported ?? true, Generated = body.Sources?.Generated ?? true,
            };
            if (!sources.Existing && !sources.ImportedLayer && !sources.Generated)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_no_source");
            var job = jobs.StartSites(new SitePlanOptions
            {
                Problem = problem, Minutes = body.Minutes.Value, Count = problem.NeedsCount() ? count : null, Sources = sources,
                KeepExisting = keep, Capacity = body.Capacity, PlannedKind = kind, BudgetEuros = body.Budget,
                TimeLimitSeconds = Math.Clamp(body.TimeLimit ?? 20, 1, MaxTimeLimitSeconds),
            });
            return (IResult)TypedResults.Accepted($"/api/plan/jobs/{job.Id}", PlanningAnswers.Of(job, session, RequestLang.Of(http)));
        }).WithName("PlanSites");

        group.MapPost("/rounds", (RoundBody body, PlanningJobs jobs, ProjectSession session, HttpContext http) =>
        {
            var saved = session.Saved;
            if (string.IsNullOrWhiteSpace(body.Base) || !saved.AgenciesById.ContainsKey(body.Base))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_base_unknown", ("id", body.Base));
            var days = body.Days ?? 5;
            var hours = body.DayHours ?? 7;
            var stopMinutes = body.StopMinutes ?? 120;
            if (days is < 1 or > 7 || hours is not (> 0 and <= 24) || stopMinutes is not (>= 0 and <= 24 * 60))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_round_settings");
            var start = RoundClock.DefaultStart;
            if (body.Start is not null && !RoundClock.TryParse(body.Start, out start))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_round_start_invalid", ("value", body.Start));
            var frequency = VisitFrequency.Weekly;
            if (body.Frequency is not null && !VisitFrequencies.TryParse(body.Frequency, out frequency))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_round_frequency_invalid", ("value", body.Frequency));
            var fortnightly = (body.Fortnightly ?? []).ToHashSet(StringComparer.Ordinal);
            var weekly = (body.Weekly ?? []).ToHashSet(StringComparer.Ordinal);
            // The visit frequency of every stop; the stops named in `fortnightly` (`weekly`) have theirs whatever the default.
            IReadOnlyList<RoundStop> Often(IReadOnlyList<RoundStop> list) => list.Select(s => s with
            {
                Frequency = fortnightly.Contains(s.Id) ? VisitFrequency.Fortnightly : weekly.Contains(s.Id) ? VisitFrequency.Weekly : frequency,
            }).ToList();
            Func<ProjectData, IReadOnlyList<RoundStop>> stops;
            if (body.Plan is { } planId)
            {
                if (jobs.Find(planId) is not { Outcome.Sites: { } plan })
                    return Problems.Of(http, StatusCodes.Status404NotFound, "planmap_job_not_found", ("id", planId), ("minutes", PlanningJobs.KeepAfterEnd.TotalMinutes));
                // The plan's new sites: the points kept from today's network are not stops of the mobile agency.
                var added = plan with { Sites = plan.Sites.Where(s => !s.Existing).ToList() };
                stops = data => Often(RoundStops.FromSitePlan(added, data.WorkingCrs, stopMinutes));
            }
            else if (body.Scenario is { } name)
            {
                if (session.ReadNamed(name) is not { } scenario)
                    return ScenariosApi.NotFound(http, name);
                stops = data => Often(RoundStops.FromScenario(data, scenario, stopMinutes));
            }
            else if (body.Stops is { Count: > 0 } ids)
            {
                stops = data => Often(RoundStops.FromIds(data, ids, stopMinutes));
            }
            else
            {
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_rounds_no_stops");
            }
            // Checked now, so that a wrong choice answers at once rather than as a failed job.
            if (stops(saved.Data).Count == 0)
                return Problems.Of(http, StatusCodes.Status400BadRequest, "planmap_rounds_no_stops");
            var job = jobs.StartRound(data => new RoundOptions
            {
                BaseId = body.Base, Stops = stops(data), Days = days, DayHours = hours, TimeLimitSeconds = Math.Clamp(body.TimeLimit ?? 10, 1, MaxTimeLimitSeconds),
                DayStart = start,
            });
            return (IResult)TypedResults.Accepted($"/api/plan/jobs/{job.Id}", PlanningAnswers.Of(job, session, RequestLang.Of(http)));
        }).WithName("PlanRounds");

        group.MapGet("/jobs/{id}", (string id, PlanningJobs jobs, ProjectSession session, HttpContext http) =>
            jobs.Find(id) is { } job
                ? (IResult)TypedResults.Ok(PlanningAnswers.Of(job, session, RequestLang.Of(http)))
                : Problems.Of(http, StatusCodes.Status404NotFound, "planmap_job_not_found", ("id", id), ("minutes", PlanningJobs.KeepAfterEnd.TotalMinutes)))
            .WithName("GetPlanningJob");

        group.MapPost("/jobs/{id}/scenario", (string id, PlanScenarioBody body, PlanningJobs jobs, ProjectSession session, HttpContext http) =>
        {
            if (jobs.Find(id) is not { } job)
                return Problems.Of(http, StatusCodes.Status404NotFound, "planmap_job_not_found", ("id", id), ("minutes", PlanningJobs.KeepAfterEnd.TotalMinutes));
            if (job.State == PlanningJobState.Running)
                return Problems.Of(http, StatusCodes.Status409Conflict, "planmap_job_running", ("id", id));
            if (job.Outcome?.Sites is not { } plan)
                return Problems.Of(http, StatusCodes.Status400BadRequest, job.State == PlanningJobState.Failed ? "planmap_job_failed" : "planmap_job_not_sites", ("id", id));
            if (string.IsNullOrWhiteSpace(body.Name))
                return Problems.Of(http, StatusCodes.Status400BadRequest, "scenario_name_empty");
            var lang = RequestLang.Of(http);
            var scenario = SitePlanScenario.From(plan, body.Name.Trim(), Environment.UserName, session.Saved.Data.WorkingCrs, lang);
            if (!ScenariosApi.Save(session, scenario, body.Overwrite == true, http, out var refused))
                return refused!;
            return TypedResults.Created($"/api/scenarios/{Uri.EscapeDataString(scenario.Name)}", ScenariosApi.Detail(session.WithStore(s => s.ReadScenario(scenario.Name))!, session.Saved));
        }).WithName("SavePlanAsScenario");
    }
}

/// <summary>
/// Body of <c>POST /api/plan/sites</c>: the problem code, T in minutes, p (<c>count</c>, kept points included) or, with every existing point
/// kept, the number of sites to add (<c>newCount</c>), the candidate sources, capacity, the planned kind, the solver's time.
/// </summary>
public sealed record SitePlanBody(string? Problem, double? Minutes, int? Count, SourcesBody? Sources, bool? KeepExisting, int? Capacity, string? Kind, double? TimeLimit)
{
    /// <summary>Most the new sites may cost a year, euros (mclp and lscp); null for none.</summary>
    public double? Budget { get; init; }

    /// <summary>With <see cref="KeepExisting"/>: sites to add beyond the existing points (p = this + the existing points).</summary>
    public int? NewCount { get; init; }
}

/// <summary>Candidate sources: existing presence points, the imported candidates layer, generated sites (commune main towns, QPV centres).</summary>
public sealed record SourcesBody(bool? Existing, bool? Imported, bool? Generated);

/// <summary>
/// Body of <c>POST /api/plan/rounds</c>: the base, the stops (a plan job, a named scenario, or ids), days, stop time, working day,
/// the day's start (<c>HH:MM</c>, 08:30 by default), the stops' visit frequency (<c>weekly</c> or <c>fortnightly</c>) and the ids of
/// stops visited every other week (<c>fortnightly</c>) or every week (<c>weekly</c>) whatever that frequency.
/// </summary>
public sealed record RoundBody(string? Base, string? Plan, string? Scenario, IReadOnlyList<string>? Stops, int? Days, double? StopMinutes, double? DayHours, double? TimeLimit)
{
    public string? Start { get; init; }
    public string? Frequency { get; init; }
    public IReadOnlyList<string>? Fortnightly { get; init; }
    public IReadOnlyList<string>? Weekly { get; init; }
}

/// <summary>Body of « save the plan as a scenario »: its name, and whether to replace a scenario of that name.</summary>
public sealed record PlanScenarioBody(string? Name, bool? Overwrite);
