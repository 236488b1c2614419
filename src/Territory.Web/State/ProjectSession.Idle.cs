using System.Collections.Concurrent;
using Territory.Core.Messages;

namespace Territory.Web.State;

/// <summary>A signed-in user's unsaved scenario, let go after they stayed away: what to tell them when they come back.</summary>
/// <param name="Changes">How many unsaved changes it held.</param>
/// <param name="IdleHours">How long they had been away when it was let go.</param>
internal sealed record EvictedScenario(int Changes, double IdleHours);

public sealed partial class ProjectSession
{
    // When each user's request was last answered, by user key (the local user's empty key is never let go).
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EvictedScenario> _evicted = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>How long a signed-in user's unsaved scenario is kept after their last request (<c>serve --session-idle-hours</c>).</summary>
    public TimeSpan IdleLimit => options.SessionIdleTime;

    /// <summary>Users with an unsaved scenario in memory now.</summary>
    public int Workspaces => State.Workspaces.Count;

    /// <summary>
    /// Lets go of the unsaved scenarios of signed-in users who made no request for longer than <see cref="IdleLimit"/>:
    /// they held memory (a copy of the analysis each) for someone who left. Named scenarios are in the store and stay.
    /// The user who comes back is told once (<see cref="TakeEvictionNotice"/>).
    /// </summary>
    /// <returns>How many scenarios were let go.</returns>
    public async Task<int> EvictIdleAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return EvictIdleLocked();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The notice for the request's user whose unsaved scenario was let go (once: taken, it is forgotten), or null.</summary>
    public Message? TakeEvictionNotice()
    {
        if (!_evicted.TryRemove(UserKey, out var gone))
            return null;
        return Message.Of("session_scenario_evicted", ("changes", gone.Changes), ("hours", Math.Floor(gone.IdleHours)));
    }

    /// <summary>Notes the request's user as active now, and now and then lets go of the others' idle scenarios (without waiting for a busy session).</summary>
    private void Seen(string user)
    {
        if (user.Length == 0 || IdleLimit <= TimeSpan.Zero)
            return;
        var now = clock.GetUtcNow();
        _lastSeen[user] = now;
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + SweepEvery.Ticks, next) != next)
            return;
        if (_state is null || !_gate.Wait(0))
            return;
        try
        {
            EvictIdleLocked();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static TimeSpan SweepEvery => TimeSpan.FromMinutes(1);

    private int EvictIdleLocked()
    {
        if (IdleLimit <= TimeSpan.Zero || _state is not { } state)
            return 0;
        var now = clock.GetUtcNow();
        var next = state;
        var count = 0;
        foreach (var (user, workspace) in state.Workspaces)
        {
            if (user.Length == 0)
                continue;
            var seen = _lastSeen.GetValueOrDefault(user, now);
            if (now - seen <= IdleLimit)
                continue;
            next = next.Without(user);
            _evicted[user] = new EvictedScenario(workspace.Edits.Changes.Count, (now - seen).TotalHours);
            _lastSeen.TryRemove(user, out _);
            count++;
        }
        if (count > 0)
            _state = next;
        return count;
    }
}
