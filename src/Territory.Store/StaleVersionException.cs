using Territory.Core.Messages;

namespace Territory.Store;

/// <summary>A write started from an older state of the project than the one committed: refused, nothing lost.</summary>
public sealed class StaleVersionException(long expected, long actual)
    : ReasonException(Core.Messages.Message.Of("store_version_stale", ("expected", expected), ("actual", actual)))
{
    /// <summary>The version the writer had read.</summary>
    public long Expected { get; } = expected;

    /// <summary>The version committed now.</summary>
    public long Actual { get; } = actual;
}
