namespace Territory.IO.Import;

/// <summary>A source that cannot be read at all (missing, truncated, not the format it claims).</summary>
/// <remarks>The message is a one-line reason meant for the user, naming the file.</remarks>
public sealed class ImportException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The layers a multi-layer source holds, when the failure is that none was chosen (or the chosen one is absent).</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];
}
