namespace Territory.IO.Layers;

/// <summary>Somewhere result layers are written to and read back from: a project store or a standalone GeoPackage.</summary>
/// <remarks>Each <see cref="WriteLayer"/> is one transaction: an exception in <c>fill</c> leaves the target as it was.</remarks>
public interface ILayerSink
{
    /// <summary>Writes a table (feature layer or attribute table) in one transaction.</summary>
    /// <param name="layer">Table to write; never one of a project's input layers.</param>
    /// <param name="append">True to add to an existing table, false to replace it.</param>
    /// <param name="fill">Writes the rows; an exception thrown here rolls everything back.</param>
    /// <param name="ct">Cancels the write (rolled back).</param>
    /// <returns>Rows written.</returns>
    long WriteLayer(LayerDefinition layer, bool append, Action<ILayerWriter> fill, CancellationToken ct = default);

    /// <summary>True when the table exists.</summary>
    bool HasLayer(string table);

    /// <summary>Rows of a table with their geometry (null for attribute tables or null geometries), in feature-id order.</summary>
    /// <exception cref="ArgumentException">No such table.</exception>
    List<StoredFeature> ReadFeatures(string table);
}
