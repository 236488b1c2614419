using NetTopologySuite.Geometries;
using Territory.Core.Indicators;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.Core.Analysis;

/// <summary>One typed territory: perimeter, indicators, decision trace, recommendations, caretaking.</summary>
public sealed record TerritoryResult
{
    /// <summary>Stable id: INSEE code (<c>31555</c>), code + QPV (<c>31555-QP031001</c>), sector id or agency id.</summary>
    public required string Id { get; init; }
    /// <summary>French display name.</summary>
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
    /// <summary>Estates in the territory.</summary>
    public required IReadOnlyList<string> EstateIds { get; init; }
    /// <summary>Indicators.</summary>
    public required TerritoryIndicators Indicators { get; init; }
    /// <summary>Type decision with its trace.</summary>
    public required TypeDecision Decision { get; init; }
    /// <summary>Forms of presence with French reasons.</summary>
    public required IReadOnlyList<PresenceRecommendation> Presence { get; init; }
    /// <summary>Accueil-mode mix for its type.</summary>
    public required AccueilMix Accueil { get; init; }
    /// <summary>Required caretaking FTE from ensembles subject to the rule (0 where it does not apply).</summary>
    public required double CaretakerRequiredFte { get; init; }
    /// <summary>Ids of caretaking ensembles with an estate in this territory.</summary>
    public required IReadOnlyList<string> EnsembleIds { get; init; }

    /// <summary>The decided type.</summary>
    public TerritoryType Type => Decision.Type;
}
