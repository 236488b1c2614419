namespace Territory.IO.GeoPackage;

/// <summary>What an import did to the layer it wrote.</summary>
public enum LayerWriteMode
{
    /// <summary>The layer did not exist.</summary>
    Created,
    /// <summary>The previous content of the layer was replaced.</summary>
    Replaced,
    /// <summary>The rows were added to the existing content.</summary>
    Appended,
}
