using Territory.Core.Messages;

namespace Territory.Web.Hosting;

/// <summary>The server has no capacity left for this request now (its queue is full): 503 with <c>Retry-After</c>, try again shortly.</summary>
public sealed class ServerBusyException(Message reason) : ReasonException(reason);
