using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Staff;
using Territory.Core.Typology;
using Territory.IO.Export;

namespace Territory.Cli.Commands;

/// <summary>The <c>analyse --json</c> document: invariant values, every text with its code and its rendering.</summary>
/// <remarks>
/// Contract read by acceptance checks: per territory <c>presence</c> (form, label, status, reason, trigger, quantity, sites),
/// <c>stakes</c>, <c>staff</c> and <c>caretaking</c>; see <c>docs/typologie.md</c>.
/// </remarks>
internal static class AnalysisJson
{
    public static object Territory(TerritoryResult t, Lang lang) => new
    {
        id = t.Id,
        name = t.Name,
        kind = t.Kind.ToString(),
        commune_code = t.CommuneCode,
        qpv_code = t.QpvCode,
        type = t.Type.Code(),
        type_label = Catalogue.Text(lang, "territory_type_" + t.Type.Code()),
        runner_up = t.Decision.RunnerUp.Code(),
        margin = Math.Round(t.Decision.Margin, 3),
        dwellings = t.Indicators.Dwellings,
        own_dwellings = t.OwnDwellings,
        district_dwellings = t.Indicators.DistrictDwellings,
        estates = t.Indicators.Estates,
        estate_ids = t.EstateIds,
        rule = Text(t.Decision.Rule, lang),
        notes = t.Decision.Notes.Select(m => Text(m, lang)),
        reasons = DecisionReasons.Of(t.Decision, lang),
        presence = t.Plan.Select(p => Plan(p, lang)),
        stakes = t.Stakes.Select(m => m.Render(lang)),
        stakes_codes = t.Stakes.Select(m => m.Code),
        context = t.Context.Select(m => Text(m, lang)),
        organisation = t.Organisation.Select(m => Text(m, lang)),
        accueil = t.Accueil.RecommendedLabels.Select(m => m.Render(lang)),
        staff = Staff(t.Staff),
        caretaking = Caretaking(t.Caretaking, lang),
        mean_travel_min = t.Indicators.MeanTravelMinutes is double m ? Math.Round(m, 1) : (double?)null,
        travel_estimated = t.Indicators.TravelEstimated,
    };

    public static object Plan(PlanItem p, Lang lang) => new
    {
        rank = p.Rank,
        form = p.Form.Code(),
        label = Catalogue.Text(lang, p.Form.LabelCode()),
        status = p.Status.Code(),
        status_label = Catalogue.Text(lang, p.Status.LabelCode()),
        reason_code = p.Reason.Code,
        reason = p.Reason.Render(lang),
        trigger = new
        {
            name = p.Trigger.Name,
            label = Catalogue.Text(lang, "trigger_" + p.Trigger.Name),
            value = p.Trigger.Value,
            threshold = p.Trigger.Threshold,
        },
        quantity = p.Quantity,
        unit = p.Unit,
        quantity_label = AnalysisRows.Quantity(p, lang),
        sites = p.Status.IsAction() && p.Quantity is not null && p.Unit != "fte" ? p.Sites : null,
        sites_label = AnalysisRows.Sites(p, lang),
        dwellings_concerned = p.DwellingsConcerned,
        point_id = p.PointId,
        legal = p.Legal,
        travel_estimated = p.TravelEstimated,
    };

    public static object Staff(StaffBalance s) => new
    {
        needed_site_fte = R(s.NeededSiteFte),
        declared_site_fte = R(s.DeclaredSiteFte),
        needed_proximity_fte = R(s.NeededProximityFte),
        declared_proximity_fte = R(s.DeclaredProximityFte),
        drive_hours_per_week = Math.Round(s.DriveHoursPerWeek, 1),
        drive_fte = R(s.DriveFte),
        drive_estimated = s.DriveEstimated,
        needed_fte = R(s.NeededFte),
        declared_fte = R(s.DeclaredFte),
        gap_fte = R(s.GapFte),
        unlocated_site_fte = R(s.UnlocatedSiteFte),
    };

    public static object Caretaking(TerritoryCaretaking c, Lang lang) => new
    {
        status = c.Own.Status.Code(),
        status_label = Catalogue.Text(lang, c.Own.Status.LabelCode()),
        required_fte = R(c.Own.RequiredFte),
        declared_fte = R(c.Own.DeclaredFte),
        deficit_fte = R(c.Own.DeficitFte),
        to_check_dwellings = c.Own.ToCheckDwellings,
        not_assessable_dwellings = c.Own.NotAssessableDwellings,
        landlords = c.Landlords.Select(l => Landlord(l, lang)),
    };

    public static object Landlord(LandlordCaretaking l, Lang lang) => new
    {
        landlord = l.Landlord,
        own = l.Own,
        status = l.Status.Code(),
        status_label = Catalogue.Text(lang, l.Status.LabelCode()),
        required_fte = R(l.RequiredFte),
        declared_fte = R(l.DeclaredFte),
        deficit_fte = R(l.DeficitFte),
        to_check_dwellings = l.ToCheckDwellings,
        not_assessable_dwellings = l.NotAssessableDwellings,
        ensembles = l.Ensembles,
        ensembles_in_deficit = l.EnsemblesInDeficit,
    };

    public static object Text(Message m, Lang lang) => new { code = m.Code, text = m.Render(lang) };

    private static double R(double v) => Math.Round(v, 2);
}
