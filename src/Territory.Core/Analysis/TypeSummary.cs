using Territory.Core.Staff;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>Totals per type: territories, dwellings, means against needs, caretaking (the organisation's own).</summary>
/// <param name="Type">The type.</param>
/// <param name="Territories">Territories of the type.</param>
/// <param name="Dwellings">Dwellings of every landlord loaded.</param>
/// <param name="OwnDwellings">The organisation's dwellings.</param>
/// <param name="Staff">Need and declared staff where they work, summed over the territories (staff an office declares without a place of work is not in it).</param>
/// <param name="CaretakingRequiredFte">The organisation's caretaking requirement.</param>
/// <param name="CaretakingDeficitFte">Of which not covered.</param>
public sealed record TypeSummary(TerritoryType Type, int Territories, int Dwellings, int OwnDwellings, StaffBalance Staff,
    double CaretakingRequiredFte, double CaretakingDeficitFte)
{
    /// <summary>The organisation's dwellings per site agent declared where they work; null without site staff.</summary>
    public double? DwellingsPerSiteAgent => Staff.DeclaredSiteFte > 0 ? OwnDwellings / Staff.DeclaredSiteFte : null;
}
