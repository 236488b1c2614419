using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Core.Model;

namespace Territory.IO.Import;

/// <summary>Catalogue messages for the words an import report uses: layers, fields, severities, geometry types, regions.</summary>
public static class ImportTexts
{
    /// <summary>The layer's name for people (« patrimoine », « agences et points de présence »…).</summary>
    public static Message LayerKind(LayerKind kind) => Message.Of(kind switch
    {
        Core.Model.LayerKind.Estates => "layer_kind_estates",
        Core.Model.LayerKind.Agencies => "layer_kind_agencies",
        Core.Model.LayerKind.Communes => "layer_kind_communes",
        Core.Model.LayerKind.Qpv => "layer_kind_qpv",
        _ => "layer_kind_candidates",
    });

    /// <summary>« rejetée », « réparée », « avertissement ».</summary>
    public static Message Severity(ImportIssueSeverity severity) => Message.Of(severity switch
    {
        ImportIssueSeverity.Rejected => "severity_rejected",
        ImportIssueSeverity.Repaired => "severity_repaired",
        _ => "severity_warning",
    });

    /// <summary>Stable English code of a severity, for JSON (<c>rejected</c>, <c>repaired</c>, <c>warning</c>).</summary>
    public static string SeverityCode(ImportIssueSeverity severity) => severity switch
    {
        ImportIssueSeverity.Rejected => "rejected",
        ImportIssueSeverity.Repaired => "repaired",
        _ => "warning",
    };

    /// <summary>A target field's name for people (« logements » for <c>dwellings</c>); the field itself when unknown.</summary>
    public static string Field(string? field, Lang lang)
    {
        if (field is null)
            return "";
        var code = "field_" + field;
        return Catalogue.Has(code) ? Catalogue.Text(lang, code) : field;
    }

    /// <summary>« créée », « remplacée », « ajout ».</summary>
    public static Message WriteMode(string mode) => Message.Of(mode switch
    {
        "created" => "write_mode_created",
        "replaced" => "write_mode_replaced",
        _ => "write_mode_appended",
    });

    /// <summary>A geometry type for people (« ligne », « multipolygone »).</summary>
    public static Message GeometryType(Geometry? g) => Message.Of(g switch
    {
        null or Point => "geometry_type_point",
        MultiPoint => "geometry_type_multipoint",
        LinearRing or LineString => "geometry_type_linestring",
        MultiLineString => "geometry_type_multilinestring",
        Polygon => "geometry_type_polygon",
        MultiPolygon => "geometry_type_multipolygon",
        _ => "geometry_type_collection",
    });

    /// <summary>What is wrong with an invalid polygon (« anneau qui se recoupe »).</summary>
    public static Message Topology(TopologyValidationError? error) => Message.Of(error?.ErrorType switch
    {
        TopologyValidationErrors.HoleOutsideShell => "topology_hole_outside_shell",
        TopologyValidationErrors.NestedHoles => "topology_nested_holes",
        TopologyValidationErrors.DisconnectedInteriors => "topology_disconnected_interior",
        TopologyValidationErrors.SelfIntersection => "topology_self_intersection",
        TopologyValidationErrors.RingSelfIntersection => "topology_ring_self_intersection",
        TopologyValidationErrors.NestedShells => "topology_nested_shells",
        TopologyValidationErrors.DuplicateRings => "topology_duplicate_rings",
        TopologyValidationErrors.TooFewPoints => "topology_too_few_points",
        TopologyValidationErrors.InvalidCoordinate => "topology_invalid_coordinate",
        TopologyValidationErrors.RingNotClosed => "topology_ring_not_closed",
        _ => "topology_unknown",
    });

    /// <summary>« en Martinique », « à La Réunion »: where a position lies.</summary>
    public static Message Where(FranceRegion region) => Message.Of(region.WorkingCrs switch
    {
        CrsRegistry.Lambert93 => "region_in_metropolitan",
        2972 => "region_in_guyane",
        2975 => "region_in_reunion",
        4471 => "region_in_mayotte",
        _ when region.Name.StartsWith("Guadeloupe", StringComparison.Ordinal) => "region_in_guadeloupe",
        _ when region.Name.StartsWith("Martinique", StringComparison.Ordinal) => "region_in_martinique",
        _ => "region_in_saint_martin",
    });
}
