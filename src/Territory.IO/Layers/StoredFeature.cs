using NetTopologySuite.Geometries;

namespace Territory.IO.Layers;

/// <summary>One row of a table as read back by <see cref="ILayerSink.ReadFeatures"/>.</summary>
/// <param name="Geometry">The geometry in the layer's CRS, null for attribute tables or null geometries.</param>
/// <param name="Attributes">Column name → value (long, double, string, byte[] or null), without fid and geometry.</param>
public sealed record StoredFeature(Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes);
