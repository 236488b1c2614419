namespace Territory.Core.Messages;

/// <summary>An expected failure the user can act on (bad input, unreadable file), carrying its catalogue message.</summary>
/// <remarks>
/// The edge renders <see cref="Reason"/> in the user's language (CLI: one line, exit code 2;
/// API: a ProblemDetails 400). <see cref="Exception.Message"/> is the French rendering, for logs.
/// Derived types (an import failure, a planning input error) add what their edge needs.
/// </remarks>
public class ReasonException : Exception
{
    /// <summary>Creates the exception from its message.</summary>
    public ReasonException(Message reason, Exception? inner = null)
        : base((reason ?? throw new ArgumentNullException(nameof(reason))).Render(Lang.Fr), inner) => Reason = reason;

    /// <summary>The reason as a code and values.</summary>
    public Message Reason { get; }
}
