using NetTopologySuite.Geometries;

namespace Territory.IO.Layers;

/// <summary>Writes the rows of one layer inside a store's transaction (GeoPackage or PostGIS).</summary>
public interface ILayerWriter
{
    /// <summary>The layer written.</summary>
    LayerDefinition Layer { get; }

    /// <summary>Rows written so far.</summary>
    long Written { get; }

    /// <summary>Adds one row; <paramref name="values"/> follow <see cref="LayerDefinition.Columns"/>.</summary>
    /// <param name="geometry">The feature's geometry in the layer CRS (null allowed); null for an attribute table.</param>
    /// <param name="values">null, string, integers, floating point, bool, byte[], DateTime/DateTimeOffset.</param>
    /// <returns>The row's feature id.</returns>
    long Write(Geometry? geometry, params ReadOnlySpan<object?> values);
}
