using Territory.Core.Messages;

namespace Territory.IO.Import;

/// <summary>A source that cannot be read at all (missing, truncated, not the format it claims).</summary>
/// <remarks>The reason is one line meant for the user, naming the file (and the row where one applies).</remarks>
public sealed class ImportException : ReasonException
{
    /// <summary>A reason from the catalogue.</summary>
    public ImportException(Territory.Core.Messages.Message reason, Exception? inner = null)
        : base(reason, inner)
    {
    }

    /// <summary>A reason not yet in the catalogue: shown as written, in every language.</summary>
    public ImportException(string message, Exception? inner = null)
        : base(Territory.Core.Messages.Message.Of("file_reason_text", ("text", message)), inner)
    {
    }

    /// <summary>The layers a multi-layer source holds, when the failure is that none was chosen (or the chosen one is absent).</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];
}
