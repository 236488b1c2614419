using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Indicators;

namespace Territory.Core.Staff;

/// <summary>
/// Site staff an office declares without a place of work, allotted to the site need it leaves uncovered: first the
/// caretaking requirement (see <see cref="CaretakingCheck"/>), then what remains of each managed estate's site need, in
/// proportion to what each still lacks.
/// </summary>
/// <remarks>
/// Used only to say whether the plan's site form is covered (« à localiser »), never in the means-against-needs figures,
/// which count staff where it works.
/// </remarks>
internal static class SitePool
{
    /// <summary>Per estate id, the FTE of unlocated office staff allotted beyond the caretaking cover.</summary>
    public static Dictionary<string, double> Allot(AnalysisContext ctx, IReadOnlyList<EstateFacts> facts, IReadOnlyDictionary<string, EstateNeed> needs,
        IReadOnlyList<CaretakingEnsemble> ensembles, CaretakingSummary caretaking)
    {
        var extra = new Dictionary<string, double>(StringComparer.Ordinal);
        var byOffice = facts.Where(ctx.IsOwn).ToLookup(f => f.ManagingOfficeId ?? "", StringComparer.Ordinal);
        foreach (var office in ctx.Offices.Where(o => o.SiteStaff is > 0 && ctx.IsOwn(o)))
        {
            var pool = office.SiteStaff!.Value - ensembles.Where(e => e.AgencyId == office.Id).Sum(e => e.AgencyCoverFte);
            if (pool <= 1e-9)
                continue;
            var lacking = new List<(string Id, double Fte)>();
            foreach (var f in byOffice[office.Id])
            {
                if (!needs.TryGetValue(f.Estate.Id, out var n))
                    continue;
                var e = caretaking.EnsembleOf(f.Estate.Id);
                var cover = e is { Applies: true, Dwellings: > 0 } ? e.AgencyCoverFte * f.CollectiveDwellings / e.Dwellings : 0;
                var left = n.SiteFte - n.DeclaredSiteFte - cover;
                if (left > 1e-9)
                    lacking.Add((f.Estate.Id, left));
            }
            var total = lacking.Sum(x => x.Fte);
            if (total <= 1e-9)
                continue;
            var factor = Math.Min(1, pool / total);
            foreach (var (id, fte) in lacking)
                extra[id] = extra.GetValueOrDefault(id) + fte * factor;
        }
        return extra;
    }
}
