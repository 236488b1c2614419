namespace Territory.Core.Typology;

/// <summary>Staffing ratios of one territory type (section <c>staff.byType.&lt;type&gt;</c>); a missing value keeps its default.</summary>
public sealed class StaffRatio
{
    /// <summary>Collective dwellings per full-time site agent (gardien, employé d'immeuble); 0: no site staff expected.</summary>
    public double? SiteDwellingsPerFte { get; init; }
    /// <summary>Dwellings per full-time proximity collaborator (gestion locative, technique, accueil), site staff excluded.</summary>
    public double? ProximityDwellingsPerFte { get; init; }
    /// <summary>Visits a year by the agency's staff to each estate (driving workload).</summary>
    public double? VisitsPerYear { get; init; }
}
