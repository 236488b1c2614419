using Territory.Core.Messages;

namespace Territory.Web.State;

/// <summary>
/// The session could not reload the project after a commit: it no longer knows what is committed, so
/// saves and imports are refused until a reload succeeds (the watcher retries). The API answers 503.
/// </summary>
public sealed class SessionStaleException(Message reason) : ReasonException(reason);
