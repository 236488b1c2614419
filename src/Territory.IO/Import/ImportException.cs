namespace Territory.IO.Import;

/// <summary>A source that cannot be read at all (missing, truncated, not the format it claims).</summary>
/// <remarks>The message is a one-line reason meant for the user, naming the file.</remarks>
public sealed class ImportException(string message, Exception? inner = null) : Exception(message, inner);
