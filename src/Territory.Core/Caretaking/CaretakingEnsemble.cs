using NetTopologySuite.Geometries;
using Territory.Core.Messages;

namespace Territory.Core.Caretaking;

/// <summary>A group of collective estates of one landlord that may form an « ensemble » under the caretaking rule.</summary>
/// <remarks>
/// Estates whose construction type is unknown are grouped apart and are « non évaluable »: the
/// rule only concerns collective buildings. FTE are full-time equivalents; required FTE are
/// dwellings / 100, not rounded (the rounding of « par tranche de cent logements » is the legal service's call).
/// </remarks>
/// <param name="Id">Stable id (<c>ENS-</c> + first estate id).</param>
/// <param name="Landlord">Landlord (empty when the source gives none).</param>
/// <param name="EstateIds">Estates in the ensemble.</param>
/// <param name="Dwellings">Collective dwellings (or, when <see cref="HousingKnown"/> is false, dwellings of unknown type).</param>
/// <param name="HousingKnown">False for a group of estates whose construction type is unknown.</param>
/// <param name="QpvCodes">QPV codes of its estates (empty outside QPV).</param>
/// <param name="CommunePopulation">Largest population among its communes, when known.</param>
/// <param name="Status">Applies, not applicable, to check, not assessable.</param>
/// <param name="Case">The geographic case that made it apply.</param>
/// <param name="Ground">Why, with the values (catalogue message).</param>
/// <param name="RequiredFte">Dwellings / 100 when the rule applies, else 0.</param>
/// <param name="DeclaredFte">Site staff declared where they work: on its estates, or at a lodge serving them.</param>
/// <param name="AgencyCoverFte">Site staff its managing agency declares without a place of work, allotted to cover the requirement (see <see cref="CaretakingCheck"/>).</param>
/// <param name="AgencyId">Managing agency (the office most of its dwellings depend on), if known.</param>
/// <param name="Geometry">Hull of the estates, working CRS.</param>
public sealed record CaretakingEnsemble(
    string Id,
    string Landlord,
    IReadOnlyList<string> EstateIds,
    int Dwellings,
    bool HousingKnown,
    IReadOnlyList<string> QpvCodes,
    long? CommunePopulation,
    CaretakingStatus Status,
    CaretakingCase Case,
    Message Ground,
    double RequiredFte,
    double DeclaredFte,
    double AgencyCoverFte,
    string? AgencyId,
    Geometry Geometry)
{
    /// <summary>True when the rule applies.</summary>
    public bool Applies => Status == CaretakingStatus.Applies;

    /// <summary>Collective dwellings (0 for a group of unknown construction type).</summary>
    public int CollectiveDwellings => HousingKnown ? Dwellings : 0;

    /// <summary>Requirement not met by the staff declared on site nor by the agency's unlocated staff, FTE.</summary>
    public double DeficitFte => Applies ? Math.Max(0, RequiredFte - DeclaredFte - AgencyCoverFte) : 0;

    /// <summary>True when the rule applies and the staff falls short of it.</summary>
    public bool Deficit => DeficitFte > 1e-9;
}
