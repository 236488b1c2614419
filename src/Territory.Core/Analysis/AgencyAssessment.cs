using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Staff;

namespace Territory.Core.Analysis;

/// <summary>One agency's management model, perimeter model, means against needs and the mismatches with what it serves.</summary>
/// <param name="Agency">The agency as given.</param>
/// <param name="Management">Management model from its staff.</param>
/// <param name="PerimeterLabel">Label of its responsibility perimeter model.</param>
/// <param name="ManagedEstates">Estates it manages or serves (for a lodge without assigned estates: those within the lodge radius).</param>
/// <param name="ManagedDwellings">Dwellings of those estates.</param>
public sealed record AgencyAssessment(
    Agency Agency,
    ManagementModel Management,
    Message PerimeterLabel,
    int ManagedEstates,
    int ManagedDwellings)
{
    /// <summary>Need and declared staff over the organisation's estates it manages (zero for a point that manages none).</summary>
    public StaffBalance Staff { get; init; } = StaffBalance.Zero;

    /// <summary>Where its management or perimeter model does not match what it serves (a model 1 agency carrying a large district…).</summary>
    public IReadOnlyList<Message> Flags { get; init; } = [];

    /// <summary>Dwellings per site agent declared (at the agency, on its estates, at their lodges); null without site staff.</summary>
    public double? DwellingsPerSiteAgent => Staff.DeclaredSiteFte > 0 && ManagedDwellings > 0 ? ManagedDwellings / Staff.DeclaredSiteFte : null;
}
