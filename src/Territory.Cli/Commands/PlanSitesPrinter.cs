using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Planning.Service;
using Territory.Store;

namespace Territory.Cli.Commands;

/// <summary>Prints a site plan: a director's summary on a terminal, or the JSON contract with <c>--json</c>.</summary>
internal static class PlanSitesPrinter
{
    public static void Print(CliConsole console, bool json, SitePlanResult r, string? scenario, ProjectData data)
    {
        var lang = PlanCli.Lang(console);
        var notes = SitePlanNotes.For(r, lang);
        if (json)
        {
            JsonOutput.Write(console, new
            {
                problem = r.Problem, minutes = r.Minutes, count = r.Count, requested_count = r.RequestedCount,
                chosen = r.Sites.Select(s => s.Id),
                covered_dwellings = r.CoveredDwellings, total_dwellings = r.TotalDwellings, covered_share = r.CoveredShare,
                objective = r.Objective, bound = r.Bound, gap = r.Gap, optimal = r.Optimal, status = r.Status, method = r.Method,
                seconds = r.Seconds, solve_seconds = r.SolveSeconds,
                estimated = r.Estimated, time_source = r.TimeSource, time_source_label = Catalogue.Text(lang, "plan_times_" + r.TimeSource),
                mean_minutes = r.MeanMinutes, worst_minutes = r.WorstMinutes,
                uncoverable = r.Uncoverable.Select(u => u.EstateId),
                uncoverable_reasons = r.Uncoverable.Select(u => new { id = u.EstateId, reason = u.Reason }),
                sites = r.Sites.Select(s => new
                {
                    id = s.Id, name = s.Name, kind = s.Kind, source = s.Source, source_ref = s.SourceRef, lon = s.Lon, lat = s.Lat,
                    existing = s.Existing, kept = s.Kept, estates = s.Estates, dwellings = s.Dwellings, yearly_cost = s.YearlyCost,
                }),
                closed_existing = r.ClosedExisting.Select(c => new { id = c.Id, name = c.Name, kind = c.Kind, staff = c.Staff, site_staff = c.SiteStaff, staff_total = c.StaffTotal }),
                from_clean_slate = r.FromCleanSlate,
                keep_existing_alternative = r.KeepExistingAlternative is { } alt ? new
                {
                    count = alt.Count, kept = alt.Kept, added = alt.Added, added_ids = alt.AddedIds, covered_dwellings = alt.CoveredDwellings,
                    optimal = alt.Optimal, feasible = alt.Feasible, yearly_cost = alt.YearlyCost,
                } : null,
                yearly_cost = r.YearlyCost, budget = r.Budget, new_sites_without_cost = r.NewSitesWithoutCost,
                notes = notes.Select(n => new { code = n.Code, text = n.Text, warning = n.Warning }),
                planned_kind = r.PlannedKind, keep_existing = r.KeepExisting, capacity = r.Capacity,
                candidates = r.CandidatesBySource, merged_candidates = r.MergedCandidates, data_version = r.DataVersion,
                assignments = r.Assignments.Select(a => new { estate_id = a.EstateId, site_id = a.SiteId, minutes = a.Minutes, dwellings = a.Dwellings, status = a.Status }),
                scenario,
                summary = SitePlanScenario.Describe(r, lang),
            });
            return;
        }
        var o = console.Out;
        o.WriteLine(SitePlanScenario.Describe(r, lang));
        // What changes the reading of the headline comes right under it: no plan, a clean slate, staff affected.
        string[] first = ["plan3_no_solution", "plan3_clean_slate", "plan3_staffed_warning"];
        foreach (var n in notes.Where(n => first.Contains(n.Code))) o.WriteLine(n.Text);
        o.WriteLine(PlanCli.T(console, "plan_solved", ("method", r.Method), ("seconds", r.Seconds), ("solve", r.SolveSeconds),
            ("candidates", r.CandidatesBySource.Values.Sum())));
        if (r.MeanMinutes is { } mean)
            o.WriteLine(PlanCli.T(console, "plan_times_served", ("mean", mean), ("worst", r.WorstMinutes ?? mean)));
        o.WriteLine(PlanCli.T(console, "plan_sites_header"));
        foreach (var s in r.Sites)
            o.WriteLine(PlanCli.T(console, "plan_site_line", ("id", s.Id), ("name", s.Name ?? "—"), ("kind", KindLabel(s.Kind, lang)),
                ("source", Message.Of("plan_source_" + s.Source)), ("dwellings", s.Dwellings), ("estates", s.Estates)));
        if (r.Uncoverable.Count > 0)
            o.WriteLine(PlanCli.T(console, "plan_uncoverable", ("count", r.Uncoverable.Count), ("minutes", r.Minutes),
                ("dwellings", r.Uncoverable.Sum(u => data.Estates.FirstOrDefault(e => e.Id == u.EstateId)?.Dwellings ?? 0)),
                ("ids", string.Join(", ", r.Uncoverable.Take(10).Select(u => u.EstateId)) + (r.Uncoverable.Count > 10 ? ", …" : ""))));
        if (r.ClosedExisting.Count > 0)
        {
            o.WriteLine(PlanCli.T(console, "plan3_closed_header"));
            foreach (var c in r.ClosedExisting) o.WriteLine(SitePlanNotes.ClosedLine(c, lang).Render(lang));
        }
        foreach (var n in notes.Where(n => !first.Contains(n.Code))) o.WriteLine(n.Text);
        if (r.Estimated)
            o.WriteLine(PlanCli.T(console, "plan_estimated_warning"));
        if (scenario is not null)
            o.WriteLine(PlanCli.T(console, "plan_scenario_saved", ("name", scenario)));
    }

    internal static string KindLabel(string code, Lang lang) =>
        Core.Model.AgencyKinds.TryParse(code, out var k) ? (lang == Lang.En ? Core.Model.AgencyKinds.LabelEn(k) : Core.Model.AgencyKinds.Label(k)) : code;
}
