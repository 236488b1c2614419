using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Model;

namespace Territory.Core.Indicators;

/// <summary>Locates each estate (commune, QPV), computes its travel time, isolation and site staff.</summary>
internal static class EstateFactsBuilder
{
    /// <param name="ctx">The analysis.</param>
    /// <param name="ct">Stops the computation.</param>
    /// <param name="isolation">Isolation of the same estates from an earlier analysis (reused when it fits), or null.</param>
    public static List<EstateFacts> Build(AnalysisContext ctx, CancellationToken ct, EstateIsolation? isolation = null)
    {
        var facts = new List<EstateFacts>(ctx.Input.Estates.Count);
        foreach (var e in ctx.Input.Estates)
        {
            ct.ThrowIfCancellationRequested();
            var p = e.Geometry is Point pt ? pt : e.Geometry.InteriorPoint;
            var commune = e.CommuneCode ?? ctx.CommuneAt(p)?.Code;
            var qpv = string.IsNullOrWhiteSpace(e.QpvCode) ? ctx.DistrictAt(p)?.Code : e.QpvCode;
            var (origin, seconds, estimated) = Travel(ctx, e, p);
            facts.Add(new EstateFacts
            {
                Estate = e,
                Location = p,
                CommuneCode = commune,
                QpvCode = qpv,
                LandlordKey = e.Landlord ?? "",
                OriginAgencyId = origin,
                TravelSeconds = seconds,
                TravelEstimated = estimated,
            });
        }
        // Isolation depends on the estates alone: an edit of presence points reuses it.
        if (isolation is not null && isolation.Fits(facts.Count, ctx.Config.Travel.IsolationRadiusMeters))
            for (var i = 0; i < facts.Count; i++)
                (facts[i].NearestSameLandlordMeters, facts[i].NearbyLandlordDwellings) = (isolation.NearestSameLandlordMeters[i], isolation.NearbyLandlordDwellings[i]);
        else
            IsolationIndicator.Compute(facts, ctx.Config.Travel.IsolationRadiusMeters, ct);
        SiteStaff(facts, ctx);
        return facts;
    }

    private static (string? Origin, double? Seconds, bool Estimated) Travel(AnalysisContext ctx, Estate e, Point p)
    {
        if (ctx.Input.Access is { } access && access.TryGetValue(e.Id, out var a) && a.DurationSeconds is { } s)
            return (a.AgencyId, s, a.Estimated);
        Agency? agency = e.AgencyId is { } id && ctx.AgenciesById.TryGetValue(id, out var managing) ? managing : null;
        if (agency is null)
        {
            var sameLandlord = ctx.Offices.Where(o => o.Landlord is null || e.Landlord is null || o.Landlord == e.Landlord).ToList();
            var pool = sameLandlord.Count > 0 ? sameLandlord : ctx.Offices;
            agency = pool.MinBy(o => Dist(o.Location, p));
        }
        if (agency is null)
            return (null, null, true);
        var t = ctx.Config.Travel;
        var seconds = Dist(agency.Location, p) * t.DetourFactor / (t.AverageSpeedKmh / 3.6);
        return (agency.Id, seconds, true);
    }

    /// <summary>Euclidean distance between two points (metres); NTS's Geometry.Distance is far slower for points.</summary>
    internal static double Dist(Point a, Point b) => a.Coordinate.Distance(b.Coordinate);

    /// <summary>
    /// Site staff where they work: the FTE the source declares on the estate, plus the gardiens of a
    /// lodge shared among the estates it serves (those naming it as their agency, else its landlord's
    /// estates within <see cref="Typology.CaretakingSettings.LodgeRadiusMeters"/>), by dwellings. Site
    /// staff an office declares without a place of work stays with that office (never spread over its estates).
    /// </summary>
    private static void SiteStaff(List<EstateFacts> facts, AnalysisContext ctx)
    {
        var radius = ctx.Config.Caretaking.LodgeRadiusMeters;
        var byManager = facts.Where(f => f.Estate.AgencyId is not null).ToLookup(f => f.Estate.AgencyId!, StringComparer.Ordinal);
        foreach (var f in facts)
        {
            f.SiteAgents = Math.Max(0, f.Estate.SiteStaffFte ?? 0);
            f.ManagingOfficeId = ManagingOffice(ctx, f);
        }
        // Only lodges without managed estates search around them: the estates sorted by x for them alone.
        var byX = new Lazy<PointsByX>(() => new PointsByX(facts), LazyThreadSafetyMode.None);
        foreach (var lodge in ctx.Input.Agencies)
        {
            if (lodge.Kind != AgencyKind.Loge || lodge.SiteStaff is not > 0) continue;
            var targets = byManager[lodge.Id].ToList();
            if (targets.Count == 0)
                targets = byX.Value.Around(lodge.Location, radius)
                    .Where(f => (lodge.Landlord is null || lodge.Landlord == f.Estate.Landlord) && Dist(f.Location, lodge.Location) <= radius)
                    .ToList();
            var total = targets.Sum(f => (double)f.Estate.Dwellings);
            if (total <= 0) continue;
            foreach (var f in targets)
                f.SiteAgents += lodge.SiteStaff.Value * f.Estate.Dwellings / total;
        }
    }

    /// <summary>The office of the estate's own landlord (or of no landlord) it depends on; null when its landlord has none loaded.</summary>
    private static string? ManagingOffice(AnalysisContext ctx, EstateFacts f)
    {
        bool Fits(Agency a) => AnalysisContext.IsOffice(a) && (a.Landlord is null || f.Estate.Landlord is null || a.Landlord == f.Estate.Landlord);
        if (f.Estate.AgencyId is { } named && ctx.AgenciesById.TryGetValue(named, out var a) && Fits(a))
            return a.Id;
        if (f.OriginAgencyId is { } origin && ctx.AgenciesById.TryGetValue(origin, out var o) && Fits(o))
            return o.Id;
        return ctx.Offices.Where(Fits).MinBy(x => Dist(x.Location, f.Location))?.Id;
    }
}
