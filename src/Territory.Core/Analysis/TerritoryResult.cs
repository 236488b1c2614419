using NetTopologySuite.Geometries;
using Territory.Core.Caretaking;
using Territory.Core.Indicators;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Staff;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>One typed territory: perimeter, indicators, decision trace, presence plan, stakes, staff, caretaking.</summary>
public sealed record TerritoryResult
{
    /// <summary>Stable id: INSEE code (<c>31555</c>), code + QPV (<c>31555-QP031001</c>), sector id or agency id.</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>What the perimeter is.</summary>
    public required TerritoryKind Kind { get; init; }
    /// <summary>INSEE code of the (dominant) commune.</summary>
    public string? CommuneCode { get; init; }
    /// <summary>QPV code for a QPV part.</summary>
    public string? QpvCode { get; init; }
    /// <summary>Perimeter in the working CRS (commune minus QPV, QPV ∩ commune, sector, or buffered hull of estates).</summary>
    public required Geometry Geometry { get; init; }
    /// <summary>True when <see cref="Geometry"/> is a hull of estates rather than a reference polygon.</summary>
    public bool GeometryApproximate { get; init; }
    /// <summary>Estates in the territory (every landlord).</summary>
    public required IReadOnlyList<string> EstateIds { get; init; }
    /// <summary>Indicators (every landlord loaded).</summary>
    public required TerritoryIndicators Indicators { get; init; }
    /// <summary>Type decision with its trace.</summary>
    public required TypeDecision Decision { get; init; }
    /// <summary>The organisation's dwellings in the territory.</summary>
    public required int OwnDwellings { get; init; }
    /// <summary>The presence plan, ranked: actions first.</summary>
    public required IReadOnlyList<PlanItem> Plan { get; init; }
    /// <summary>The type's management stakes (« Enjeux de gestion »).</summary>
    public required IReadOnlyList<Message> Stakes { get; init; }
    /// <summary>Local context stated where the data supports it.</summary>
    public required IReadOnlyList<Message> Context { get; init; }
    /// <summary>The type's forms of organisation that have no measurable footprint.</summary>
    public required IReadOnlyList<Message> Organisation { get; init; }
    /// <summary>Accueil-mode mix for its type.</summary>
    public required AccueilMix Accueil { get; init; }
    /// <summary>Means against needs over the organisation's estates.</summary>
    public required StaffBalance Staff { get; init; }
    /// <summary>Caretaking obligation: the organisation's, and each landlord's apart.</summary>
    public required TerritoryCaretaking Caretaking { get; init; }
    /// <summary>Ids of caretaking ensembles with an estate in this territory.</summary>
    public required IReadOnlyList<string> EnsembleIds { get; init; }

    /// <summary>The decided type.</summary>
    public TerritoryType Type => Decision.Type;
}
