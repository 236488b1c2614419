using Territory.Core.Model;

namespace Territory.Demo.National;

/// <summary>A synthetic national patrimony: several landlords over every metropolitan département.</summary>
/// <param name="Departements">The département codes generated.</param>
/// <param name="Landlords">The landlords.</param>
/// <param name="Communes">Communes (square polygons, INSEE-like codes département + 3 digits).</param>
/// <param name="Districts">Priority districts (QPV codes <c>QN0DDnnM</c>).</param>
/// <param name="Agencies">Agencies of every landlord.</param>
/// <param name="Estates">Estates (points), with commune, QPV and managing agency.</param>
public sealed record NationalDataset(
    IReadOnlyList<string> Departements,
    IReadOnlyList<string> Landlords,
    IReadOnlyList<Commune> Communes,
    IReadOnlyList<PriorityDistrict> Districts,
    IReadOnlyList<Agency> Agencies,
    IReadOnlyList<Estate> Estates)
{
    /// <summary>Dwellings of all estates.</summary>
    public long Dwellings => Estates.Sum(e => (long)e.Dwellings);
}
