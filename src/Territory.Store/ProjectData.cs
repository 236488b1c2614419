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

    /// <summary>
    /// Reads every layer like <see cref="Read"/>, the estates and the communes (the large layers) each on a
    /// connection of its own at the same time as the others; all at one data version.
    /// </summary>
    /// <param name="store">The open project (it reads the small layers and the data version).</param>
    /// <param name="openAnother">Opens the same project again (one more connection).</param>
    /// <remarks>
    /// The data version is read before and after the layers: when a write committed in between (the versions
    /// differ), the layers are read again, so the layers are never of two versions. After three tries the
    /// layers are read one after the other on <paramref name="store"/> alone, as <see cref="Read"/> does.
    /// </remarks>
    public static ProjectData ReadParallel(IProjectStore store, Func<IProjectStore> openAnother)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(openAnother);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var version = store.DataVersion;
            var estates = ReadEstatesInParts(store, openAnother);
            var communes = Task.Run(() => ReadOn(openAnother, s => s.ReadCommunes()));
            var agencies = store.ReadAgencies();
            var districts = store.ReadDistricts();
            var candidates = store.ReadCandidates();
            var data = new ProjectData(store.WorkingCrs ?? Core.Crs.CrsRegistry.Lambert93, estates.GetAwaiter().GetResult(), agencies,
                communes.GetAwaiter().GetResult(), districts)
            {
                Candidates = candidates,
                DataVersion = version,
            };
            if (store.DataVersion == version)
                return data;
        }
        return Read(store);
    }

    /// <summary>Estates at or above this count are read in two halves at once, where the store can.</summary>
    private const int PartsFrom = 20_000;

    /// <summary>The estates, on connections of their own: in two halves by feature id when the store reads ranges, else whole.</summary>
    private static Task<IReadOnlyList<Estate>> ReadEstatesInParts(IProjectStore store, Func<IProjectStore> openAnother)
    {
        if (store is not IEstateRanges ranges || ranges.EstateFids() is not { } fids || fids.Max - fids.Min < PartsFrom)
            return Task.Run(() => ReadOn(openAnother, s => s.ReadEstates()));
        var middle = fids.Min + (fids.Max - fids.Min) / 2;
        var first = Task.Run(() => ReadOn(openAnother, s => Ranges(s).ReadEstates(fids.Min, middle)));
        var second = Task.Run(() => ReadOn(openAnother, s => Ranges(s).ReadEstates(middle + 1, fids.Max)));
        return Task.WhenAll(first, second).ContinueWith(IReadOnlyList<Estate> (both) =>
        {
            IReadOnlyList<Estate> a = first.GetAwaiter().GetResult(), b = second.GetAwaiter().GetResult();
            var whole = new List<Estate>(a.Count + b.Count);
            whole.AddRange(a);
            whole.AddRange(b);
            return whole;
        }, TaskScheduler.Default);
    }

    private static IEstateRanges Ranges(IProjectStore store) =>
        store as IEstateRanges ?? throw new InvalidOperationException("The same project opened as another kind of store.");

    private static T ReadOn<T>(Func<IProjectStore> open, Func<IProjectStore, T> read)
    {
        using var other = open();
        return read(other);
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
