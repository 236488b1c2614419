using NetTopologySuite.Geometries;
using Territory.Core.Caretaking;
using Territory.Core.Indicators;
using Territory.Core.Model;
using Territory.Core.Staff;
using Territory.Core.Typology;

namespace Territory.Core.Presence;

/// <summary>What the planner knows of one territory: its type, the organisation's estates, the district, staff and caretaking.</summary>
internal sealed record PlanContext
{
    public required TerritoryType Type { get; init; }
    public required Geometry Geometry { get; init; }
    /// <summary>The organisation's estates in the territory.</summary>
    public required IReadOnlyList<EstateFacts> Own { get; init; }
    public required KindAccessIndex Access { get; init; }
    public required TypologyConfig Config { get; init; }
    /// <summary>The organisation's presence points (and those of no landlord).</summary>
    public required IReadOnlyList<Agency> Points { get; init; }
    public required TerritoryCaretaking Caretaking { get; init; }
    public required StaffBalance Staff { get; init; }
    /// <summary>Unlocated site staff of the managing offices allotted to the site need here beyond the caretaking cover (to be located).</summary>
    public double PoolSiteFte { get; init; }
    /// <summary>Collective dwellings of the organisation's largest ensemble with an estate here.</summary>
    public required int LargestEnsemble { get; init; }
    /// <summary>QPV code when the territory is part of a priority district.</summary>
    public string? QpvCode { get; init; }
    public PriorityDistrict? District { get; init; }
    /// <summary>Social dwellings of every landlord loaded in the whole district (all its communes).</summary>
    public int DistrictStock { get; init; }
    /// <summary>The organisation's dwellings in the whole district.</summary>
    public int OwnDistrictDwellings { get; init; }
    /// <summary>Landlords with estates in the whole district.</summary>
    public IReadOnlyList<string> DistrictLandlords { get; init; } = [];
    /// <summary>Located sites serving at least one of the organisation's estates here (the plan's sites hook).</summary>
    public IReadOnlyList<SitePlacement> Sites { get; init; } = [];

    public int Dwellings => Own.Sum(f => f.Estate.Dwellings);
    public int CollectiveDwellings => Own.Sum(f => f.CollectiveDwellings);
}
