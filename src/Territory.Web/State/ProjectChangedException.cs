using Territory.Core.Messages;

namespace Territory.Web.State;

/// <summary>
/// A save or import from the map was made from an older state of the project than the one committed
/// (someone else imported or saved meanwhile): refused with nothing written; the session has reloaded
/// the committed state and kept the scenario. The API answers 409.
/// </summary>
public sealed class ProjectChangedException(Message reason, long seen, long now) : ReasonException(reason)
{
    /// <summary>The data version the request was made from.</summary>
    public long Seen { get; } = seen;

    /// <summary>The data version committed now.</summary>
    public long Now { get; } = now;
}
