using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Indicators;
using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>Indexed reference layers shared by every step of one analysis run.</summary>
internal sealed class AnalysisContext
{
    private readonly STRtree<(Commune Commune, IPreparedGeometry Prepared)> _communeIndex = new();
    private readonly STRtree<(PriorityDistrict District, IPreparedGeometry Prepared)> _qpvIndex = new();

    public AnalysisInput Input { get; }
    public TypologyConfig Config { get; }
    public IReadOnlyDictionary<string, Commune> CommunesByCode { get; }
    public IReadOnlyDictionary<string, PriorityDistrict> DistrictsByCode { get; }
    public IReadOnlyDictionary<string, Agency> AgenciesById { get; }
    /// <summary>Agencies that are staff bases (siège, agence, antenne, bureau de proximité).</summary>
    public IReadOnlyList<Agency> Offices { get; }
    public Dictionary<string, CommuneDensity> DensityCache { get; } = new(StringComparer.Ordinal);
    /// <summary>The landlord whose plan, staff and obligations the analysis speaks of (landlord key; empty for an anonymous source).</summary>
    public string OwnLandlord { get; }
    /// <summary>Urban areas of the communes (caretaking rule).</summary>
    public Caretaking.UrbanAreaIndex UrbanAreas { get; }

    public AnalysisContext(AnalysisInput input, TypologyConfig config)
    {
        Input = input;
        Config = config;
        var communes = new Dictionary<string, Commune>(StringComparer.Ordinal);
        foreach (var c in input.Communes)
        {
            communes.TryAdd(c.Code, c);
            _communeIndex.Insert(c.Geometry.EnvelopeInternal, (c, PreparedGeometryFactory.Prepare(c.Geometry)));
        }
        var districts = new Dictionary<string, PriorityDistrict>(StringComparer.Ordinal);
        foreach (var d in input.Districts)
        {
            districts.TryAdd(d.Code, d);
            _qpvIndex.Insert(d.Geometry.EnvelopeInternal, (d, PreparedGeometryFactory.Prepare(d.Geometry)));
        }
        // Built now, not on a first query: the analysis queries them from several threads.
        _communeIndex.Build();
        _qpvIndex.Build();
        CommunesByCode = communes;
        DistrictsByCode = districts;
        var agencies = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var a in input.Agencies)
            agencies.TryAdd(a.Id, a);
        AgenciesById = agencies;
        Offices = input.Agencies.Where(IsOffice).ToList();
        OwnLandlord = ChooseOwnLandlord(input);
        UrbanAreas = new Caretaking.UrbanAreaIndex(input.Communes);
    }

    /// <summary>True for an estate of <see cref="OwnLandlord"/>.</summary>
    public bool IsOwn(EstateFacts f) => string.Equals(f.LandlordKey, OwnLandlord, StringComparison.Ordinal);

    /// <summary>True for a presence point of <see cref="OwnLandlord"/> (or of no landlord).</summary>
    public bool IsOwn(Agency a) => a.Landlord is null || string.Equals(a.Landlord, OwnLandlord, StringComparison.Ordinal);

    /// <summary>The organisation named by the input when it owns estates, else the landlord with most estates.</summary>
    private static string ChooseOwnLandlord(AnalysisInput input)
    {
        if (input.OrganisationName is { } org && input.Estates.Any(e => string.Equals(e.Landlord, org, StringComparison.Ordinal)))
            return org;
        return input.Estates.GroupBy(e => e.Landlord ?? "", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? "";
    }

    public static bool IsOffice(Agency a) =>
        a.Kind is AgencyKind.Siege or AgencyKind.Agence or AgencyKind.Antenne or AgencyKind.BureauProximite;

    public Commune? CommuneAt(Point p)
    {
        foreach (var (c, prepared) in _communeIndex.Query(p.EnvelopeInternal))
            if (prepared.Covers(p)) return c;
        return null;
    }

    public PriorityDistrict? DistrictAt(Point p)
    {
        foreach (var (d, prepared) in _qpvIndex.Query(p.EnvelopeInternal))
            if (prepared.Covers(p)) return d;
        return null;
    }

    /// <summary>QPV polygons whose envelope meets <paramref name="envelope"/>.</summary>
    public IEnumerable<PriorityDistrict> DistrictsNear(Envelope envelope) =>
        _qpvIndex.Query(envelope).Select(x => x.District);

    public CommuneDensity DensityOf(string? communeCode)
    {
        if (communeCode is null) return new CommuneDensity(null, false);
        if (!DensityCache.TryGetValue(communeCode, out var d))
        {
            d = DensityEstimator.Of(CommunesByCode.GetValueOrDefault(communeCode), Config.Density);
            DensityCache[communeCode] = d;
        }
        return d;
    }
}
