using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.IO.GeoPackage;

namespace Territory.IO.Project;

/// <summary>The layers of a project as read from its GeoPackage, in the working CRS.</summary>
/// <remarks>The common start of <c>territory analyse</c> and of the map server.</remarks>
public sealed record ProjectData(
    int WorkingCrs,
    IReadOnlyList<Estate> Estates,
    IReadOnlyList<Agency> Agencies,
    IReadOnlyList<Commune> Communes,
    IReadOnlyList<PriorityDistrict> Districts)
{
    /// <summary>Reads every layer of an open project; a project without a working CRS yet reads as Lambert-93 and empty.</summary>
    public static ProjectData Read(GeoPackageProjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new ProjectData(store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93, store.ReadEstates(), store.ReadAgencies(), store.ReadCommunes(), store.ReadDistricts());
    }

    /// <summary>The landlord owning most estates: the organisation the analysis speaks of.</summary>
    public string? Organisation => Estates.Select(e => e.Landlord).Where(l => l is not null)
        .GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

    /// <summary>Analysis input over these layers (commune + QPV delineation unless told otherwise).</summary>
    public AnalysisInput ToAnalysisInput(IReadOnlyDictionary<string, EstateAccess>? access) => new()
    {
        Estates = Estates,
        Agencies = Agencies,
        Communes = Communes,
        Districts = Districts,
        Access = access,
        WorkingCrsEpsg = WorkingCrs,
        OrganisationName = Organisation,
    };
}
