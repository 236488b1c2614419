using Territory.Core.Typology;

namespace Territory.Core.Staff;

/// <summary>The need model: per estate, from its territory's type, the caretaking requirement and the travel time from its agency.</summary>
/// <remarks>
/// Site need = max(caretaking requirement, collective dwellings / the type's site ratio); proximity need =
/// dwellings / the type's proximity ratio; driving = a return trip from the managing agency at the type's
/// visit frequency, in hours a week (and FTE at <see cref="StaffSettings.WeeklyHours"/>).
/// </remarks>
internal static class StaffModel
{
    public static EstateNeed Need(string estateId, int dwellings, int collectiveDwellings, double requiredFte, double? driveSeconds, bool estimated,
        double declaredSiteFte, TerritoryType type, StaffSettings s)
    {
        var siteRatio = s.SiteDwellingsPerFte(type);
        var site = Math.Max(requiredFte, siteRatio > 0 ? collectiveDwellings / siteRatio : 0);
        var proximity = dwellings / s.ProximityDwellingsPerFte(type);
        var hours = driveSeconds is { } sec ? 2 * sec * s.VisitsPerYear(type) / 52 / 3600 : 0;
        return new EstateNeed(estateId, site, proximity, hours, estimated || driveSeconds is null, declaredSiteFte);
    }

    /// <summary>Sums estate needs; <paramref name="declaredProximityFte"/> and <paramref name="unlocatedSiteFte"/> come from the offices.</summary>
    public static StaffBalance Sum(IEnumerable<EstateNeed> needs, double declaredProximityFte, double unlocatedSiteFte, StaffSettings s)
    {
        double site = 0, declaredSite = 0, proximity = 0, hours = 0;
        var estimated = false;
        foreach (var n in needs)
        {
            site += n.SiteFte;
            declaredSite += n.DeclaredSiteFte;
            proximity += n.ProximityFte;
            hours += n.DriveHoursPerWeek;
            estimated |= n.DriveEstimated;
        }
        return new StaffBalance(site, declaredSite + unlocatedSiteFte, proximity, declaredProximityFte, hours, hours / s.WeeklyHours, estimated, unlocatedSiteFte);
    }
}
