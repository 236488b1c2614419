using Territory.Core.Analysis;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.IO.Travel;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>The side panels: <c>GET /api/estates/{id}</c>, <c>/api/territories/{id}</c>, <c>/api/agencies/{id}</c>.</summary>
public static class DetailsApi
{
    public static void MapDetailsApi(this WebApplication app)
    {
        // Texts in the request's language (?lang=en or Accept-Language), codes beside them.
        app.MapGet("/api/estates/{id}", (string id, ProjectSession session, HttpContext context) =>
            session.Current.EstatesById.TryGetValue(id, out var e)
                ? (IResult)TypedResults.Ok(Estate(session.Current, e, RequestLang.Of(context)))
                : Problems.Of(context, StatusCodes.Status404NotFound, "api_estate_not_found", ("id", id)))
            .WithName("GetEstate").WithTags("Fiches");
        app.MapGet("/api/territories/{id}", (string id, ProjectSession session, HttpContext context) =>
            session.Current.TerritoriesById.TryGetValue(id, out var t)
                ? (IResult)TypedResults.Ok(Territory(session.Current, t, RequestLang.Of(context)))
                : Problems.Of(context, StatusCodes.Status404NotFound, "api_territory_not_found", ("id", id)))
            .WithName("GetTerritory").WithTags("Fiches");
        app.MapGet("/api/agencies/{id}", (string id, ProjectSession session, HttpContext context) =>
            session.Current.AgenciesById.TryGetValue(id, out var a)
                ? (IResult)TypedResults.Ok(Agency(session.Current, a, RequestLang.Of(context)))
                : Problems.Of(context, StatusCodes.Status404NotFound, "api_agency_not_found", ("id", id)))
            .WithName("GetAgency").WithTags("Fiches");
    }

    private static string TypeLabel(TerritoryType type, Lang lang) => Catalogue.Text(lang, "territory_type_" + type.Code());

    private static string KindLabel(AgencyKind kind, Lang lang)
    {
        var text = Catalogue.Text(lang, "point_kind_" + kind.Code());
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static Ref? TerritoryRef(TerritoryResult? t, Lang lang) => t is null ? null : new Ref(t.Id, t.Name, t.Type.Code(), TypeLabel(t.Type, lang), t.Type.Colour());

    private static EstateDetail Estate(ProjectSnapshot s, Estate e, Lang lang)
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
            TravelReasons.Render(access?.UnreachableReason ?? travel?.UnreachableReason, lang), travel?.NearestAgencyId, Name(travel?.NearestAgencyId),
            Minutes(travel?.NearestDurationSeconds), travel?.SnapDistanceMeters is double m ? Math.Round(m) : null)
        {
            ReasonCode = TravelReasons.Of(access?.UnreachableReason ?? travel?.UnreachableReason)?.Code,
        };
        return new EstateDetail(e.Id, e.Name, e.Landlord, e.Dwellings, Labels.Housing(e.Housing), e.ConstructionYear, commune, qpv, agency, TerritoryRef(territory, lang), travelDetail);
    }

    private static TerritoryDetail Territory(ProjectSnapshot s, TerritoryResult t, Lang lang)
    {
        var i = t.Indicators;
        var d = t.Decision;
        var plan = PresenceDetails.Territory(s, t, lang);
        return new TerritoryDetail(
            t.Id, t.Name, t.Kind.Code(), Catalogue.Text(lang, "territory_kind_" + t.Kind.Code()), t.Type.Code(), TypeLabel(t.Type, lang), t.Type.Colour(), t.GeometryApproximate,
            new IndicatorsDetail(i.Dwellings, i.Estates, Math.Round(i.DwellingsPerEstate, 1), i.CollectiveDwellings, Round(i.CollectiveShare, 3), i.QpvDwellings,
                Math.Round(i.QpvShare, 3), i.DensityLevel, i.DensityEstimated, i.Population, Round(i.QpvAreaShare, 3), Round(i.NearestSameLandlordMeters, 0),
                Math.Round(i.NearbyLandlordDwellings, 1), Round(i.MeanTravelMinutes, 1), Round(i.MaxTravelMinutes, 1), i.TravelEstimated, i.Landlords,
                i.OfficesInside, Math.Round(i.SiteAgents, 2), Round(i.DwellingsPerSiteAgent, 0), Math.Round(i.AreaKm2, 2)),
            new DecisionDetail(d.Type.Code(), TypeLabel(d.Type, lang), d.RunnerUp.Code(), TypeLabel(d.RunnerUp, lang), Math.Round(d.Score, 3), Math.Round(d.RunnerUpScore, 3),
                Math.Round(d.Margin, 3), d.RuleIn(lang), d.NotesIn(lang), DecisionReasons.Of(d, lang),
                d.Scores.Select(sc => new ScoreDetail(sc.Type.Code(), TypeLabel(sc.Type, lang), Math.Round(sc.Score, 3),
                    sc.Criteria.Select(c => new CriterionDetail(c.Name, c.LabelIn(lang), c.Value is double v ? Math.Round(v, 3) : null, Math.Round(c.Score, 3),
                        Math.Round(c.Weight, 3), Math.Round(c.Contribution, 3))).ToList())).ToList()),
            plan.OwnDwellings, plan.Plan, plan.Stakes, plan.StakesSource, plan.Context, plan.Organisation, plan.Staff, plan.Caretaking, plan.Accueil,
            t.EstateIds);
    }

    private static AgencyDetail Agency(ProjectSnapshot s, Agency a, Lang lang)
    {
        s.AssessmentByAgency.TryGetValue(a.Id, out var assessment);
        s.TravelByAgency.TryGetValue(a.Id, out var travel);
        string? unsnapped = null;
        s.Review?.UnsnappedAgencies.TryGetValue(a.Id, out unsnapped);
        var management = assessment?.Management ?? ManagementModel.FromStaff(a.Staff);
        return new AgencyDetail(a.Id, a.Name, a.Kind.Code(), KindLabel(a.Kind, lang), a.Landlord, a.Staff, a.SiteStaff, s.StatusOf(a.Id),
            new ManagementDetail(management.Model, management.Transition, management.Description.Render(lang)), a.PerimeterModel, assessment?.PerimeterLabel.Render(lang),
            assessment?.ManagedEstates ?? 0, assessment?.ManagedDwellings ?? 0, Round(assessment?.DwellingsPerSiteAgent, 0),
            travel is null ? null : new AgencyTravelDetail(travel.EstateCount, travel.Dwellings, Round(travel.MeanMinutes, 1), Round(travel.MedianMinutes, 1),
                Round(travel.P90Minutes, 1), Round(travel.MaxMinutes, 1),
                travel.DwellingsBeyondMinutes.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value),
                travel.EstatesNearerToAnotherAgency, travel.UnreachableEstates, travel.Estimated),
            TravelReasons.Render(unsnapped, lang), PresenceDetails.Agency(assessment, lang));
    }

    private static double? Minutes(double? seconds) => seconds is double s ? Math.Round(s / 60, 1) : null;

    private static double? Km(double? metres) => metres is double m ? Math.Round(m / 1000, 2) : null;

    private static double? Round(double? value, int digits) => value is double v ? Math.Round(v, digits) : null;
}

public sealed record Ref(string Id, string Name, string Type, string TypeLabel, string Colour);

public sealed record CodeName(string Code, string? Name);

public sealed record EstateTravelDetail(string? AgencyId, string? AgencyName, double? Minutes, double? Km, bool Estimated, string? Reason,
    string? NearestAgencyId, string? NearestAgencyName, double? NearestMinutes, double? SnapMeters)
{
    /// <summary>Stable code of <see cref="Reason"/> (<c>routing_estate_not_snapped</c>…), null when the estate is reached.</summary>
    public string? ReasonCode { get; init; }
}

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
    IReadOnlyList<string> EstateIds);

public sealed record ManagementDetail(int? Model, bool Transition, string Description);

public sealed record AgencyTravelDetail(int EstateCount, int Dwellings, double? MeanMinutes, double? MedianMinutes, double? P90Minutes, double? MaxMinutes,
    IReadOnlyDictionary<string, int> Beyond, int EstatesNearerToAnotherAgency, int UnreachableEstates, bool Estimated);

public sealed record AgencyDetail(string Id, string? Name, string Kind, string KindLabel, string? Landlord, int? Staff, int? SiteStaff, string Status,
    ManagementDetail Management, int? PerimeterModel, string? PerimeterLabel, int ManagedEstates, int ManagedDwellings, double? DwellingsPerSiteAgent,
    AgencyTravelDetail? Travel, string? UnsnappedReason, AgencyPlanDetail Plan);
