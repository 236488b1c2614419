namespace Territory.Core.Staff;

/// <summary>What one estate of the organisation needs: site and proximity FTE, driving hours a week.</summary>
internal sealed record EstateNeed(string EstateId, double SiteFte, double ProximityFte, double DriveHoursPerWeek, bool DriveEstimated, double DeclaredSiteFte);
