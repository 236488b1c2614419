using Territory.Core.Indicators;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Staff;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>
/// Each presence point's management and perimeter models, its means against the needs of the estates it
/// manages, and the mismatches a director should see (a « gestion courante » agency carrying a large district,
/// a staff below the management model its need calls for).
/// </summary>
internal static class AgencyAssessor
{
    /// <summary>Missions a large district cannot do without (urban and social management with partners).</summary>
    private static readonly string[] DistrictMissions = ["social_support", "dsu"];

    public static List<AgencyAssessment> Assess(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts, IReadOnlyDictionary<string, EstateNeed> needs,
        IReadOnlyList<Analysis.TerritoryResult> territories)
    {
        var config = ctx.Config;
        var territoryOf = new Dictionary<string, Analysis.TerritoryResult>(StringComparer.Ordinal);
        foreach (var t in territories)
            foreach (var id in t.EstateIds)
                territoryOf.TryAdd(id, t);
        var byServing = facts.ToLookup(f => f.Estate.AgencyId ?? f.OriginAgencyId ?? "", StringComparer.Ordinal);
        var byOffice = facts.Where(ctx.IsOwn).ToLookup(f => f.ManagingOfficeId ?? "", StringComparer.Ordinal);
        // Lodges serving no estate by name look around them: the estates sorted by x once, for those alone.
        var byX = new Lazy<PointsByX>(() => new PointsByX(facts), LazyThreadSafetyMode.ExecutionAndPublication);
        // Each point is assessed from shared, read-only indexes: side by side, in the points' order.
        return ctx.Input.Agencies.AsParallel().AsOrdered().Select(a =>
        {
            var served = byServing[a.Id].ToList();
            if (served.Count == 0 && a.Kind == AgencyKind.Loge)
                served = byX.Value.Around(a.Location, config.Caretaking.LodgeRadiusMeters).Where(f => (a.Landlord is null || a.Landlord == f.Estate.Landlord)
                    && EstateFactsBuilder.Dist(f.Location, a.Location) <= config.Caretaking.LodgeRadiusMeters).ToList();
            var office = AnalysisContext.IsOffice(a);
            var management = office ? ManagementModel.FromStaff(a.Staff) : ManagementModel.NotAnOffice;
            var assessment = new AgencyAssessment(a, management, PerimeterModels.Label(a.PerimeterModel), served.Count, served.Sum(f => f.Estate.Dwellings));
            if (!office || !ctx.IsOwn(a))
                return assessment;
            var managed = byOffice[a.Id].ToList();
            var staff = StaffModel.Sum(managed.Select(f => needs.GetValueOrDefault(f.Estate.Id)).OfType<EstateNeed>(), a.Staff ?? 0, a.SiteStaff ?? 0, config.Staff);
            return assessment with { Staff = staff, Flags = Flags(a, management, staff, managed, territoryOf, config) };
        }).ToList();
    }

    private static List<Message> Flags(Agency a, ManagementModel management, StaffBalance staff, List<EstateFacts> managed,
        Dictionary<string, Analysis.TerritoryResult> territoryOf, TypologyConfig config)
    {
        var flags = new List<Message>();
        var districts = managed.Where(f => territoryOf.TryGetValue(f.Estate.Id, out var t) && t.Type == TerritoryType.PriorityDistrict)
            .GroupBy(f => territoryOf[f.Estate.Id].Name, StringComparer.Ordinal).ToList();
        var districtDwellings = districts.Sum(g => g.Sum(f => f.Estate.Dwellings));
        var missing = DistrictMissions.Where(m => PerimeterModels.Responsibility(a.PerimeterModel, m) == "NR").ToList();
        if (districtDwellings >= config.Presence.DistrictPartMinDwellings && missing.Count > 0)
        {
            var names = districts.OrderByDescending(g => g.Sum(f => f.Estate.Dwellings)).Select(g => g.Key).ToList();
            flags.Add(Message.Of("agency_perimeter_gap", ("perimeter", PerimeterModels.Label(a.PerimeterModel)),
                ("missions", missing.Select(m => Message.Of("mission_" + m)).ToList()), ("dwellings", districtDwellings),
                ("territories", string.Join(", ", names.Take(3)) + (names.Count > 3 ? ", …" : ""))));
        }
        var need = staff.NeededProximityFte + staff.DriveFte;
        var implied = ManagementModel.ModelFor(need);
        if (management.Model is { } model && implied > model)
            flags.Add(Message.Of("agency_model_undersized", ("need", need), ("staff", a.Staff ?? 0), ("model", model), ("implied", implied)));
        return flags;
    }
}
