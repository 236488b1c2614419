using Territory.Core.Model;

namespace Territory.Core.Analysis;

/// <summary>One agency's management model, perimeter model and means (dwellings per site agent).</summary>
/// <param name="Agency">The agency as given.</param>
/// <param name="Management">Management model from its staff (seed 003).</param>
/// <param name="PerimeterLabel">French label of its responsibility perimeter model.</param>
/// <param name="ManagedEstates">Estates it manages or serves (for a lodge without assigned estates: those within the lodge radius).</param>
/// <param name="ManagedDwellings">Dwellings of those estates.</param>
public sealed record AgencyAssessment(
    Agency Agency,
    ManagementModel Management,
    string PerimeterLabel,
    int ManagedEstates,
    int ManagedDwellings)
{
    /// <summary>Dwellings per site agent (gardien) of the agency; null without site staff.</summary>
    public double? DwellingsPerSiteAgent => Agency.SiteStaff is > 0 && ManagedDwellings > 0 ? (double)ManagedDwellings / Agency.SiteStaff.Value : null;
}
