using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Web.Hosting;
using Territory.Core.Model;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>The side panels: <c>GET /api/estates/{id}</c>, <c>/api/territories/{id}</c>, <c>/api/agencies/{id}</c>.</summary>
public static class DetailsApi
{
    public static void MapDetailsApi(this WebApplication app)
    {
        app.MapGet("/api/estates/{id}", (string id, ProjectSession session) =>
            session.Current.EstatesById.TryGetValue(id, out var e) ? (IResult)TypedResults.Ok(Estate(session.Current, e)) : NotFound("résidence", id))
            .WithName("GetEstate").WithTags("Fiches");
        app.MapGet("/api/territories/{id}", (string id, ProjectSession session, HttpContext http) =>
            session.Current.TerritoriesById.TryGetValue(id, out var t) ? (IResult)TypedResults.Ok(Territory(session.Current, t, RequestLang.Of(http))) : NotFound("territoire", id))
            .WithName("GetTerritory").WithTags("Fiches");
        app.MapGet("/api/agencies/{id}", (string id, ProjectSession session, HttpContext http) =>
            session.Current.AgenciesById.TryGetValue(id, out var a) ? (IResult)TypedResults.Ok(Agency(session.Current, a, RequestLang.Of(http))) : NotFound("agence", id))
            .WithName("GetAgency").WithTags("Fiches");
    }

    internal static IResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Introuvable", detail: $"Aucun(e) {what} « {id} » dans le projet.");

    private static Ref? TerritoryRef(TerritoryResult? t) => t is null ? null : new Ref(t.Id, t.Name, t.Type.Code(), t.Type.Label(), t.Type.Colour());

    private static EstateDetail Estate(ProjectSnapshot s, Estate e)
    {
        s.TerritoryOfEstate.TryGetValue(e.Id, out var territory);
        s.AccessByEstate.TryGetValue(e.Id, out var access);
        s.TravelByEstate.TryGetValue(e.Id, out var travel);
        string? Name(string? agencyId) => agencyId is not null && s.AgenciesById.TryGetValue(agencyId, out var a) ? a.Name ?? a.Id : null;
        var commune = e.CommuneCode is null ? null : new CodeName(e.CommuneCode, s.CommunesByCode.GetValueOrDefault(e.CommuneCode)?.Name);
        var qpv = e.QpvCode is null ? null : new CodeName(e.QpvCode, s.DistrictsByCode.GetValueOrDefault(e.QpvCode)?.Name);
        var agency = e.AgencyId is null ? null : new CodeName(e.AgencyId, Name(e.AgencyId));
        var travelDetail = access is null && travel is null ? null : new EstateTravelDetail(
            access?.AgencyId, Name(access?.AgencyId), Minutes(access?.DurationSeconds), Km(access?.DistanceMeters), access?.Estimated ?? travel?.Estimated ?? true,
            access?.UnreachableReason ?? travel?.UnreachableReason, travel?.NearestAgencyId, Name(travel?.NearestAgencyId), Minutes(travel?.NearestDurationSeconds),
            travel?.SnapDistanceMeters is double m ? Math.Round(m) : null);
        return new EstateDetail(e.Id, e.Name, e.Landlord, e.Dwellings, Labels.Housing(e.Housing), e.ConstructionYear, commune, qpv, agency, TerritoryRef(territory), travelDetail);
    }

    private static TerritoryDetail Territory(ProjectSnapshot s, TerritoryResult t, Lang lang)
    {
        var i = t.Indicators;
        var d = t.Decision;
        var plan = PresenceDetails.Territory(s, t, lang);
        return new TerritoryDetail(
            t.Id, t.Name, t.Kind.Code(), t.Kind.Label(), t.Type.Code(), t.Type.Label(), t.Type.Colour(), t.GeometryApproximate,
            new IndicatorsDetail(i.Dwellings, i.Estates, Math.Round(i.DwellingsPerEstate, 1), i.CollectiveDwellings, Round(i.CollectiveShare, 3), i.QpvDwellings,
                Math.Round(i.QpvShare, 3), i.DensityLevel, i.DensityEstimated, i.Population, Round(i.QpvAreaShare, 3), Round(i.NearestSameLandlordMeters, 0),
                Math.Round(i.NearbyLandlordDwellings, 1), Round(i.MeanTravelMinutes, 1), Round(i.MaxTravelMinutes, 1), i.TravelEstimated, i.Landlords,
                i.OfficesInside, Math.Round(i.SiteAgents, 2), Round(i.DwellingsPerSiteAgent, 0), Math.Round(i.AreaKm2, 2)),
            new DecisionDetail(d.Type.Code(), d.Type.Label(), d.RunnerUp.Code(), d.RunnerUp.Label(), Math.Round(d.Score, 3), Math.Round(d.RunnerUpScore, 3),
                Math.Round(d.Margin, 3), d.Rule, d.Notes, DecisionReasons.Of(d),
                d.Scores.Select(sc => new ScoreDetail(sc.Type.Code(), sc.Type.Label(), Math.Round(sc.Score, 3),
                    sc.Criteria.Select(c => new CriterionDetail(c.Name, c.Label, c.Value is double v ? Math.Round(v, 3) : null, Math.Round(c.Score, 3),
                        Math.Round(c.Weight, 3), Math.Round(c.Contribution, 3))).ToList())).ToList()),
            plan.OwnDwellings, plan.Plan, plan.Stakes, plan.StakesSource, plan.Context, plan.Organisation, plan.Staff, plan.Caretaking, plan.Accueil,
            plan.Labels, t.EstateIds);
    }

    private static AgencyDetail Agency(ProjectSnapshot s, Agency a, Lang lang)
    {
        s.AssessmentByAgency.TryGetValue(a.Id, out var assessment);
        s.TravelByAgency.TryGetValue(a.Id, out var travel);
        string? unsnapped = null;
        s.Review?.UnsnappedAgencies.TryGetValue(a.Id, out unsnapped);
        var management = assessment?.Management ?? ManagementModel.FromStaff(a.Staff);
        return new AgencyDetail(a.Id, a.Name, a.Kind.Code(), a.Kind.Label(), a.Landlord, a.Staff, a.SiteStaff, s.StatusOf(a.Id),
            new ManagementDetail(management.Model, management.Transition, management.Description.Render(lang)), a.PerimeterModel, assessment?.PerimeterLabel.Render(lang),
            assessment?.ManagedEstates ?? 0, assessment?.ManagedDwellings ?? 0, Round(assessment?.DwellingsPerSiteAgent, 0),
            travel is null ? null : new AgencyTravelDetail(travel.EstateCount, travel.Dwellings, Round(travel.MeanMinutes, 1), Round(travel.MedianMinutes, 1),
                Round(travel.P90Minutes, 1), Round(travel.MaxMinutes, 1),
                travel.DwellingsBeyondMinutes.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value),
                travel.EstatesNearerToAnotherAgency, travel.UnreachableEstates, travel.Estimated),
            unsnapped, PresenceDetails.Agency(assessment, lang));
    }

    private static double? Minutes(double? seconds) => seconds is double s ? Math.Round(s / 60, 1) : null;

    private static double? Km(double? metres) => metres is double m ? Math.Round(m / 1000, 2) : null;

    private static double? Round(double? value, int digits) => value is double v ? Math.Round(v, digits) : null;
}

public sealed record Ref(string Id, string Name, string Type, string TypeLabel, string Colour);

public sealed record CodeName(string Code, string? Name);

public sealed record EstateTravelDetail(string? AgencyId, string? AgencyName, double? Minutes, double? Km, bool Estimated, string? Reason,
    string? NearestAgencyId, string? NearestAgencyName, double? NearestMinutes, double? SnapMeters);

public sealed record EstateDetail(string Id, string? Name, string? Landlord, int Dwellings, string Housing, int? ConstructionYear, CodeName? Commune,
    CodeName? Qpv, CodeName? Agency, Ref? Territory, EstateTravelDetail? Travel);

public sealed record IndicatorsDetail(int Dwellings, int Estates, double DwellingsPerEstate, int CollectiveDwellings, double? CollectiveShare, int QpvDwellings,
    double QpvShare, int? DensityLevel, bool DensityEstimated, long? Population, double? QpvAreaShare, double? NearestSameLandlordMeters,
    double NearbyLandlordDwellings, double? MeanTravelMinutes, double? MaxTravelMinutes, bool TravelEstimated, IReadOnlyList<string> Landlords,
    int OfficesInside, double SiteAgents, double? DwellingsPerSiteAgent, double AreaKm2);

public sealed record CriterionDetail(string Name, string Label, double? Value, double Score, double Weight, double Contribution);

public sealed record ScoreDetail(string Type, string Label, double Score, IReadOnlyList<CriterionDetail> Criteria);

public sealed record DecisionDetail(string Type, string TypeLabel, string RunnerUp, string RunnerUpLabel, double Score, double RunnerUpScore, double Margin,
    string Rule, IReadOnlyList<string> Notes, IReadOnlyList<string> Reasons, IReadOnlyList<ScoreDetail> Scores);

public sealed record TerritoryDetail(string Id, string Name, string Kind, string KindLabel, string Type, string TypeLabel, string Colour, bool GeometryApproximate,
    IndicatorsDetail Indicators, DecisionDetail Decision, int OwnDwellings, IReadOnlyList<PlanLineDetail> Presence, IReadOnlyList<string> Stakes, string StakesSource,
    IReadOnlyList<CodeText> Context, IReadOnlyList<string> Organisation, StaffDetail Staff, CaretakingPanelDetail Caretaking, AccueilPanelDetail Accueil,
    IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> EstateIds);

public sealed record ManagementDetail(int? Model, bool Transition, string Description);

public sealed record AgencyTravelDetail(int EstateCount, int Dwellings, double? MeanMinutes, double? MedianMinutes, double? P90Minutes, double? MaxMinutes,
    IReadOnlyDictionary<string, int> Beyond, int EstatesNearerToAnotherAgency, int UnreachableEstates, bool Estimated);

public sealed record AgencyDetail(string Id, string? Name, string Kind, string KindLabel, string? Landlord, int? Staff, int? SiteStaff, string Status,
    ManagementDetail Management, int? PerimeterModel, string? PerimeterLabel, int ManagedEstates, int ManagedDwellings, double? DwellingsPerSiteAgent,
    AgencyTravelDetail? Travel, string? UnsnappedReason, AgencyPlanDetail Plan);
