using NetTopologySuite.Geometries;

namespace Territory.Core.Caretaking;

/// <summary>A group of collective estates of one landlord that may form an « ensemble » under the caretaking rule.</summary>
/// <param name="Id">Stable id (<c>ENS-</c> + first estate id).</param>
/// <param name="Landlord">Landlord (empty when the source gives none).</param>
/// <param name="EstateIds">Estates in the ensemble.</param>
/// <param name="CollectiveDwellings">Collective dwellings in the ensemble.</param>
/// <param name="QpvCodes">QPV codes of its estates (empty outside QPV).</param>
/// <param name="CommunePopulation">Largest population among its communes, when known.</param>
/// <param name="Applies">True when the rule applies (size and location conditions met).</param>
/// <param name="Ground">French sentence: why it applies or not, with the values.</param>
/// <param name="RequiredFte">Collective dwellings / 100 (not rounded) when <paramref name="Applies"/>, else 0.</param>
/// <param name="DeclaredFte">Site staff allocated to its estates (lodges nearby and managing agency, prorated by dwellings).</param>
/// <param name="Geometry">Hull of the estates, working CRS.</param>
public sealed record CaretakingEnsemble(
    string Id,
    string Landlord,
    IReadOnlyList<string> EstateIds,
    int CollectiveDwellings,
    IReadOnlyList<string> QpvCodes,
    long? CommunePopulation,
    bool Applies,
    string Ground,
    double RequiredFte,
    double DeclaredFte,
    Geometry Geometry)
{
    /// <summary>True when the rule applies and the declared staff is below the required FTE.</summary>
    public bool Deficit => Applies && DeclaredFte + 1e-9 < RequiredFte;
}
