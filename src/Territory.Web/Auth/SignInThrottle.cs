using System.Collections.Concurrent;

namespace Territory.Web.Auth;

/// <summary>
/// Slows password guessing: after <see cref="FreeFailures"/> wrong passwords in a row for one name, that name is
/// refused for <see cref="Pause"/> (doubling with each further failure, up to <see cref="MaxPause"/>), whatever the
/// password; a right password resets it. Counted by name rather than by address, so that one office behind one
/// proxy address is not locked out by a colleague's typos.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Wrong passwords allowed before the first pause.</summary>
    public const int FreeFailures = 5;

    /// <summary>The first pause.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Until)> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the name must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? Wait(string name)
    {
        if (!_names.TryGetValue(Key(name), out var entry))
            return null;
        var left = entry.Until - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Records the outcome of an attempt.</summary>
    public void Record(string name, bool succeeded)
    {
        var key = Key(name);
        if (succeeded)
        {
            _names.TryRemove(key, out _);
            return;
        }
        _names.AddOrUpdate(key, _ => (1, DateTimeOffset.MinValue), (_, e) =>
        {
            var failures = e.Failures + 1;
            if (failures < FreeFailures)
                return (failures, DateTimeOffset.MinValue);
            var pause = TimeSpan.FromTicks(Math.Min(MaxPause.Ticks, Pause.Ticks << Math.Min(20, failures - FreeFailures)));
            return (failures, clock.GetUtcNow() + pause);
        });
    }

    private static string Key(string? name) => (name ?? "").Trim();
}
