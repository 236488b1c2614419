using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Staff;
using Territory.IO.Export;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// The presence plan, stakes, means against needs and caretaking of the territory and agency panels, rendered in the
/// request's language (codes kept beside the texts).
/// </summary>
/// <remarks>
/// What the analysis computed (plan lines, reasons, stakes, flags) is rendered here; the panels' headings and column
/// names are chrome: the map fills them from <c>GET /api/messages</c> (<see cref="Headings"/>), like the rest of its texts.
/// </remarks>
internal static class PresenceDetails
{
    /// <summary>The catalogue codes of the panels' headings and column names, served by <c>GET /api/messages</c>.</summary>
    internal static readonly string[] Headings =
    [
        "plan_heading", "plan_not_retained_title", "stakes_heading", "context_heading", "organisation_heading", "staff_heading",
        "caretaking_heading", "staff_col_needed_site", "staff_col_declared_site", "staff_col_needed_proximity", "staff_col_declared_proximity",
        "staff_col_drive", "staff_col_gap", "staff_col_unlocated", "caretaking_col_ensemble", "caretaking_col_landlord", "caretaking_col_dwellings",
        "caretaking_col_status", "caretaking_col_required", "caretaking_col_declared", "caretaking_col_declared_total", "caretaking_col_cover", "caretaking_col_deficit",
        "staff_flags_heading", "plan_col_size", "plan_legal_mark",
    ];

    public static IReadOnlyList<PlanLineDetail> Plan(ProjectSnapshot s, TerritoryResult t, Lang lang) => t.Plan.Select(p => new PlanLineDetail(
        p.Rank, p.Form.Code(), Catalogue.Text(lang, p.Form.LabelCode()), p.Status.Code(), Catalogue.Text(lang, p.Status.LabelCode()), p.Reason.Code,
        p.Reason.Render(lang), new TriggerDetail(p.Trigger.Name, Catalogue.Text(lang, "trigger_" + p.Trigger.Name), p.Trigger.Value, p.Trigger.Threshold),
        p.Quantity, p.Unit, AnalysisRows.Quantity(p, lang), p.Sites, AnalysisRows.Sites(p, lang), p.DwellingsConcerned, p.PointId,
        p.PointId is { } id && s.AgenciesById.TryGetValue(id, out var a) ? a.Name ?? a.Id : null, p.Legal, p.TravelEstimated)).ToList();

    public static PlanPanelDetail Territory(ProjectSnapshot s, TerritoryResult t, Lang lang)
    {
        var ensembles = s.Analysis.Ensembles.Where(e => t.EnsembleIds.Contains(e.Id) && e.Status != CaretakingStatus.NotApplicable)
            .OrderByDescending(e => e.Landlord == s.Analysis.OwnLandlord).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => Ensemble(e, s.Analysis.OwnLandlord, lang)).ToList();
        var c = t.Caretaking;
        return new PlanPanelDetail(
            t.OwnDwellings,
            Plan(s, t, lang),
            t.Stakes.Select(m => m.Render(lang)).ToList(),
            Stakes.Source.Render(lang),
            t.Context.Select(m => Text(m, lang)).ToList(),
            t.Organisation.Select(m => m.Render(lang)).ToList(),
            Staff(t.Staff),
            new CaretakingPanelDetail(c.Own.Status.Code(), Catalogue.Text(lang, c.Own.Status.LabelCode()), Math.Round(c.Own.RequiredFte, 2),
                Math.Round(c.Own.DeclaredFte, 2), Math.Round(c.Own.DeficitFte, 2), c.Own.ToCheckDwellings, c.Own.NotAssessableDwellings,
                c.Landlords.Select(l => new LandlordCaretakingDetail(l.Landlord, l.Own, l.Status.Code(), Catalogue.Text(lang, l.Status.LabelCode()),
                    Math.Round(l.RequiredFte, 2), Math.Round(l.DeclaredFte, 2), Math.Round(l.DeficitFte, 2))).ToList(),
                ensembles, Catalogue.Text(lang, "caretaking_disclaimer", ("meters", s.Analysis.Config.Caretaking.EnsembleLinkMeters))),
            new AccueilPanelDetail(t.Accueil.RecommendedLabels.Select(m => m.Render(lang)).ToList(), t.Accueil.PermanencePhysique.Render(lang),
                t.Accueil.SurRendezVous.Render(lang), t.Accueil.PiedImmeuble.Render(lang)));
    }

    public static AgencyPlanDetail Agency(AgencyAssessment? a, Lang lang) => new(
        a is null ? null : Staff(a.Staff),
        a?.Flags.Select(f => Text(f, lang)).ToList() ?? [],
        a?.Management.Description.Render(lang),
        a?.PerimeterLabel.Render(lang));

    public static StaffDetail Staff(StaffBalance b) => new(Math.Round(b.NeededSiteFte, 2), Math.Round(b.DeclaredSiteFte, 2), Math.Round(b.NeededProximityFte, 2),
        Math.Round(b.DeclaredProximityFte, 2), Math.Round(b.DriveHoursPerWeek, 1), Math.Round(b.DriveFte, 2), b.DriveEstimated, Math.Round(b.NeededFte, 2),
        Math.Round(b.DeclaredFte, 2), Math.Round(b.GapFte, 2), Math.Round(b.UnlocatedSiteFte, 2));

    private static EnsembleDetail Ensemble(CaretakingEnsemble e, string own, Lang lang) => new(e.Id, e.Landlord, e.Landlord == own, e.Dwellings,
        e.Status.Code(), Catalogue.Text(lang, e.Status.LabelCode()), e.Ground.Render(lang), Math.Round(e.RequiredFte, 2), Math.Round(e.DeclaredFte, 2),
        Math.Round(e.AgencyCoverFte, 2), Math.Round(e.DeficitFte, 2), e.Deficit);

    private static CodeText Text(Message m, Lang lang) => new(m.Code, m.Render(lang));

}

public sealed record CodeText(string Code, string Text);

public sealed record TriggerDetail(string Name, string Label, double? Value, double Threshold);

public sealed record PlanLineDetail(int Rank, string Form, string Label, string Status, string StatusLabel, string ReasonCode, string Reason, TriggerDetail Trigger,
    double? Quantity, string? Unit, string? QuantityLabel, IReadOnlyList<string> Sites, string? SitesLabel, int DwellingsConcerned, string? PointId,
    string? PointName, bool Legal, bool TravelEstimated);

public sealed record StaffDetail(double NeededSiteFte, double DeclaredSiteFte, double NeededProximityFte, double DeclaredProximityFte, double DriveHoursPerWeek,
    double DriveFte, bool DriveEstimated, double NeededFte, double DeclaredFte, double GapFte, double UnlocatedSiteFte);

public sealed record EnsembleDetail(string Id, string Landlord, bool Own, int Dwellings, string Status, string StatusLabel, string Ground, double RequiredFte,
    double DeclaredFte, double AgencyCoverFte, double DeficitFte, bool Deficit);

public sealed record LandlordCaretakingDetail(string Landlord, bool Own, string Status, string StatusLabel, double RequiredFte, double DeclaredFte, double DeficitFte);

public sealed record CaretakingPanelDetail(string Status, string StatusLabel, double RequiredFte, double DeclaredFte, double DeficitFte, int ToCheckDwellings,
    int NotAssessableDwellings, IReadOnlyList<LandlordCaretakingDetail> Landlords, IReadOnlyList<EnsembleDetail> Ensembles, string Disclaimer);

public sealed record AccueilPanelDetail(IReadOnlyList<string> Recommended, string PermanencePhysique, string SurRendezVous, string PiedImmeuble);

public sealed record PlanPanelDetail(int OwnDwellings, IReadOnlyList<PlanLineDetail> Plan, IReadOnlyList<string> Stakes, string StakesSource,
    IReadOnlyList<CodeText> Context, IReadOnlyList<string> Organisation, StaffDetail Staff, CaretakingPanelDetail Caretaking, AccueilPanelDetail Accueil);

public sealed record AgencyPlanDetail(StaffDetail? Staff, IReadOnlyList<CodeText> Flags, string? Management, string? Perimeter);
