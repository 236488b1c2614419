using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.Planning.Service;

/// <summary>
/// What a director must read beside a site plan's headline, as messages (CLI lines and the map's panel alike): the clean slate and the
/// points it closes with their staff, the answer keeping today's network (LSCP), the yearly cost against the budget.
/// </summary>
public static class SitePlanNotes
{
    /// <summary>One note: its catalogue code, its text in the asked language, and whether it is a warning.</summary>
    public sealed record Note(string Code, string Text, bool Warning);

    /// <summary>The notes of <paramref name="plan"/> rendered in <paramref name="lang"/>, in reading order.</summary>
    public static IReadOnlyList<Note> For(SitePlanResult plan, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Messages(plan, lang).Select(n => new Note(n.Text.Code, n.Text.Render(lang), n.Warning)).ToList();
    }

    private static List<(Message Text, bool Warning)> Messages(SitePlanResult plan, Lang lang)
    {
        var notes = new List<(Message, bool)>();
        if (plan.Status is "infeasible" or "no_solution")
            notes.Add((Message.Of("plan3_no_solution"), true));
        if (plan.FromCleanSlate && plan.ClosedExisting.Count > 0)
        {
            int kept = plan.Sites.Count(s => s.Existing);
            notes.Add((Message.Of("plan3_clean_slate", ("existing", kept + plan.ClosedExisting.Count), ("kept", kept), ("closed", plan.ClosedExisting.Count)), false));
            var staffed = plan.ClosedExisting.Where(c => c.Staffed).ToList();
            if (staffed.Count > 0)
                notes.Add((Message.Of("plan3_staffed_warning", ("count", staffed.Count), ("people", staffed.Sum(c => c.StaffTotal ?? 0)),
                    ("names", string.Join(", ", staffed.Select(c => Message.Of("plan3_staffed_item", ("name", c.Name ?? c.Id), ("people", c.StaffTotal ?? 0)).Render(lang))))), true));
            if (plan.KeepExistingAlternative is { } alt)
                notes.Add((alt.Feasible
                    ? Message.Of("plan3_keep_alternative", ("kept", alt.Kept), ("added", alt.Added), ("minutes", plan.Minutes),
                        ("quality", Message.Of(alt.Optimal ? "plan3_quality_optimal" : "plan3_quality_feasible")))
                    : Message.Of("plan3_keep_alternative_none", ("kept", alt.Kept)), false));
            notes.Add((Message.Of("plan3_keep_hint"), false));
        }
        int added = plan.Sites.Count(s => !s.Existing);
        if (plan.Budget is null && added > 0 && plan.NewSitesWithoutCost == added)
        {
            notes.Add((Message.Of("plan3_cost_unknown", ("count", added)), false));
            return notes;
        }
        notes.Add((plan.Budget is { } budget
            ? Message.Of("plan3_cost_budget", ("cost", plan.YearlyCost), ("budget", budget))
            : Message.Of("plan3_cost", ("cost", plan.YearlyCost)), false));
        if (plan.NewSitesWithoutCost > 0)
            notes.Add((Message.Of("plan3_cost_missing", ("count", plan.NewSitesWithoutCost)), false));
        return notes;
    }

    /// <summary>A closed point as a line: id, name, kind label and declared staff.</summary>
    public static Message ClosedLine(ClosedPoint point, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(point);
        var kind = AgencyKinds.TryParse(point.Kind, out var k) ? (lang == Lang.En ? AgencyKinds.LabelEn(k) : AgencyKinds.Label(k)) : point.Kind ?? "—";
        var staff = point.StaffTotal is { } people ? Message.Of("plan3_closed_staff", ("people", people)) : Message.Of("plan3_closed_staff_none");
        return Message.Of("plan3_closed_line", ("id", point.Id), ("name", point.Name ?? "—"), ("kind", kind), ("staff", staff));
    }
}
