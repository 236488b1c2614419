using Territory.Core.Messages;

namespace Territory.Web.Hosting;

/// <summary>The server cannot start: the reason says why (a catalogue message, rendered in the user's language by <c>territory serve</c>).</summary>
public sealed class WebStartupException(Message reason) : ReasonException(reason);
