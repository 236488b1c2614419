using System.Collections.Concurrent;
using Territory.Core.Analysis;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Store;
using Territory.Store.Results;
using Territory.Routing.Review;

namespace Territory.Web.State;

/// <summary>
/// One immutable state of the project as the map shows it: layers, travel review, analysis and
/// the lookups the panels need. Requests read a snapshot; edits build a new one and swap it in.
/// </summary>
public sealed class ProjectSnapshot
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _layerCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<object>> _memo = new(StringComparer.Ordinal);

    public ProjectSnapshot(int version, ProjectData data, AgencyTravelReviewResult? review, AnalysisResult analysis,
        IReadOnlyDictionary<string, string> agencyStatus)
    {
        Version = version;
        Data = data;
        Review = review;
        Analysis = analysis;
        AgencyStatus = agencyStatus;
        ToWgs84 = new Reprojector(data.WorkingCrs, CrsRegistry.Wgs84);
        EstatesById = ById(data.Estates, e => e.Id);
        AgenciesById = ById(data.Agencies, a => a.Id);
        CommunesByCode = ById(data.Communes, c => c.Code);
        DistrictsByCode = ById(data.Districts, d => d.Code);
        TerritoriesById = ById(analysis.Territories, t => t.Id);
        TerritoryOfEstate = new Dictionary<string, TerritoryResult>(StringComparer.Ordinal);
        foreach (var t in analysis.Territories)
            foreach (var id in t.EstateIds)
                TerritoryOfEstate.TryAdd(id, t);
        AccessByEstate = review is null ? new Dictionary<string, EstateAccess>(StringComparer.Ordinal) : ById(review.Access, a => a.EstateId);
        TravelByEstate = review is null ? new Dictionary<string, EstateTravel>(StringComparer.Ordinal) : ById(review.Estates, t => t.EstateId);
        TravelByAgency = review is null ? new Dictionary<string, AgencyTravelSummary>(StringComparer.Ordinal) : ById(review.Agencies, a => a.AgencyId);
        AssessmentByAgency = ById(analysis.Agencies, a => a.Agency.Id);
        Coverage = Coverage.Of(data.Estates, review);
    }

    /// <summary>Grows with every change; sent as <c>X-Territory-Version</c>.</summary>
    public int Version { get; }
    public ProjectData Data { get; }
    public AgencyTravelReviewResult? Review { get; }
    public AnalysisResult Analysis { get; }
    /// <summary>Agency id → <c>added</c> or <c>moved</c> for scenario points; saved agencies are absent.</summary>
    public IReadOnlyDictionary<string, string> AgencyStatus { get; }
    public Reprojector ToWgs84 { get; }
    public Dictionary<string, Estate> EstatesById { get; }
    public Dictionary<string, Agency> AgenciesById { get; }
    public Dictionary<string, Commune> CommunesByCode { get; }
    public Dictionary<string, PriorityDistrict> DistrictsByCode { get; }
    public Dictionary<string, TerritoryResult> TerritoriesById { get; }
    public Dictionary<string, TerritoryResult> TerritoryOfEstate { get; }
    public Dictionary<string, EstateAccess> AccessByEstate { get; }
    public Dictionary<string, EstateTravel> TravelByEstate { get; }
    public Dictionary<string, AgencyTravelSummary> TravelByAgency { get; }
    public Dictionary<string, AgencyAssessment> AssessmentByAgency { get; }
    public Coverage Coverage { get; }

    /// <summary>Content hashes of the inputs this state was analysed from (saved states only).</summary>
    public AnalysisInputKeys? Keys { get; init; }

    /// <summary>Status of an agency in the scenario: <c>saved</c>, <c>added</c> or <c>moved</c>.</summary>
    public string StatusOf(string agencyId) => AgencyStatus.TryGetValue(agencyId, out var s) ? s : "saved";

    /// <summary>A layer's GeoJSON bytes, built once per snapshot and key (browsers asking at once wait on the one build).</summary>
    public byte[] Layer(string key, Func<byte[]> build) => Once(_layerCache, key, build);

    /// <summary>A value derived from this snapshot (e.g. the project summary), computed once per key.</summary>
    public T Memo<T>(string key, Func<T> build) where T : class => (T)Once(_memo, key, () => (object)build());

    // One build per key even when requests ask at once; a build that failed is forgotten, so the next request tries again.
    private static T Once<T>(ConcurrentDictionary<string, Lazy<T>> cache, string key, Func<T> build)
    {
        var entry = cache.GetOrAdd(key, _ => new Lazy<T>(build, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<T>>(key, entry));
            throw;
        }
    }

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
            map.TryAdd(key(item), item);
        return map;
    }
}
