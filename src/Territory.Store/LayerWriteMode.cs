namespace Territory.Store;

/// <summary>What an import did to the layer it wrote.</summary>
public enum LayerWriteMode
{
    /// <summary>The layer did not exist.</summary>
    Created,
    /// <summary>The previous content of the layer was replaced.</summary>
    Replaced,
    /// <summary>The rows were added to the existing content.</summary>
    Appended,
    /// <summary>The previous version was put back (undo).</summary>
    Restored,
}
