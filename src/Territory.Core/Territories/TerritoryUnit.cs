using NetTopologySuite.Geometries;
using Territory.Core.Indicators;

namespace Territory.Core.Territories;

/// <summary>A delineated territory and its estates, before indicators.</summary>
internal sealed record TerritoryUnit(
    string Id,
    string Name,
    TerritoryKind Kind,
    Geometry Geometry,
    string? CommuneCode,
    string? QpvCode,
    IReadOnlyList<EstateFacts> Estates,
    bool GeometryApproximate = false);
