namespace Territory.Core.Staff;

/// <summary>Means against needs (« l'écart entre les moyens et les besoins »): staff needed, staff declared where they work, the gap.</summary>
/// <remarks>
/// All figures are full-time equivalents except <see cref="DriveHoursPerWeek"/>. A positive
/// <see cref="GapFte"/> is a shortfall. Declared staff is counted where it works: site staff on its
/// estates or at the lodge serving them, collaborators at their office; site staff an office declares
/// without a place of work is <see cref="UnlocatedSiteFte"/> (counted for the office, never spread over territories).
/// </remarks>
/// <param name="NeededSiteFte">Site staff needed: the caretaking requirement where the rule applies, the type's ratio elsewhere.</param>
/// <param name="DeclaredSiteFte">Site staff declared where they work.</param>
/// <param name="NeededProximityFte">Proximity collaborators needed (type ratio on dwellings).</param>
/// <param name="DeclaredProximityFte">Collaborators of the offices located there (territory) or of the office itself (agency).</param>
/// <param name="DriveHoursPerWeek">Hours a week of driving to visit each estate from its agency at the type's frequency (return trips).</param>
/// <param name="DriveFte">Driving hours as full-time equivalents.</param>
/// <param name="DriveEstimated">True when some travel time is a straight-line estimate or missing.</param>
/// <param name="UnlocatedSiteFte">Site staff declared by an office without a place of work (agency level only).</param>
public sealed record StaffBalance(
    double NeededSiteFte,
    double DeclaredSiteFte,
    double NeededProximityFte,
    double DeclaredProximityFte,
    double DriveHoursPerWeek,
    double DriveFte,
    bool DriveEstimated,
    double UnlocatedSiteFte = 0)
{
    /// <summary>No need, nothing declared.</summary>
    public static StaffBalance Zero { get; } = new(0, 0, 0, 0, 0, 0, false);

    /// <summary>Site, proximity and driving needs together.</summary>
    public double NeededFte => NeededSiteFte + NeededProximityFte + DriveFte;

    /// <summary>Site and proximity staff declared.</summary>
    public double DeclaredFte => DeclaredSiteFte + DeclaredProximityFte;

    /// <summary>Needed minus declared (positive: staff missing).</summary>
    public double GapFte => NeededFte - DeclaredFte;

    /// <summary>Sum of two balances.</summary>
    public static StaffBalance operator +(StaffBalance a, StaffBalance b) => new(
        a.NeededSiteFte + b.NeededSiteFte, a.DeclaredSiteFte + b.DeclaredSiteFte, a.NeededProximityFte + b.NeededProximityFte,
        a.DeclaredProximityFte + b.DeclaredProximityFte, a.DriveHoursPerWeek + b.DriveHoursPerWeek, a.DriveFte + b.DriveFte,
        a.DriveEstimated || b.DriveEstimated, a.UnlocatedSiteFte + b.UnlocatedSiteFte);
}
