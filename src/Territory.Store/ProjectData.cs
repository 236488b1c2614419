using Territory.Core.Analysis;
using Territory.Core.Model;

namespace Territory.Store;

/// <summary>The layers of a project as read from its store, in the working CRS.</summary>
/// <remarks>The common start of <c>territory analyse</c>, planning and the map server.</remarks>
public sealed record ProjectData(
    int WorkingCrs,
    IReadOnlyList<Estate> Estates,
    IReadOnlyList<Agency> Agencies,
    IReadOnlyList<Commune> Communes,
    IReadOnlyList<PriorityDistrict> Districts)
{
    /// <summary>Candidate sites the user imported.</summary>
    public IReadOnlyList<Candidate> Candidates { get; init; } = [];

    /// <summary>The data version the layers were read at (0 for data not read from a store).</summary>
    public long DataVersion { get; init; }

    /// <summary>Reads every layer of an open project; a project without a working CRS yet reads as Lambert-93 and empty.</summary>
    /// <remarks>The version is read before the layers: a write committed in between makes the snapshot look older, never newer.</remarks>
    public static ProjectData Read(IProjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = store.DataVersion;
        return new ProjectData(store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93, store.ReadEstates(), store.ReadAgencies(), store.ReadCommunes(), store.ReadDistricts())
        {
            Candidates = store.ReadCandidates(),
            DataVersion = version,
        };
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
