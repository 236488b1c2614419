namespace Territory.IO.Reference;

/// <summary>The kind of file a commune reference was read from.</summary>
public enum CommuneReferenceFormat
{
    /// <summary><c>communes.json</c> of the npm package <c>@etalab/decoupage-administratif</c>.</summary>
    EtalabJson,

    /// <summary>An INSEE-style CSV (code, population, optionally the density grid).</summary>
    InseeCsv,
}
