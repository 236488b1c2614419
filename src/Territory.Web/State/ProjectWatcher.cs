using Territory.Web.Hosting;

namespace Territory.Web.State;

/// <summary>
/// Notices what other programs commit to the project (a CLI import, another server) and reloads the
/// session, so the map shows it and no save starts from a stale state.
/// </summary>
/// <remarks>
/// Polls the store's data version (one small read) every <see cref="WebOptions.WatchInterval"/>; a tick
/// is skipped while the session is busy writing. A session marked stale is retried on every tick. Each tick also lets go of
/// the unsaved scenarios of users idle past <see cref="WebOptions.SessionIdleTime"/>.
/// </remarks>
public sealed class ProjectWatcher(ProjectSession session, WebOptions options, ILogger<ProjectWatcher> log) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.WatchInterval <= TimeSpan.Zero)
            return;
        try
        {
            // Listening before the load: nothing to watch until the project is loaded (a failed load stops the server).
            await session.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.WatchInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await session.RefreshAsync(stoppingToken);
                    // Scenarios of users gone for longer than the idle limit are let go even when nobody else makes a request.
                    var evicted = await session.EvictIdleAsync(stoppingToken);
                    if (evicted > 0)
                        log.LogInformation("{Count} idle unsaved scenario(s) let go", evicted);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Busy, moved or damaged for a moment: the next tick tries again; writes check for themselves.
                    log.LogWarning("{Reason}", Core.Messages.Catalogue.Text(Core.Messages.Lang.Fr, "watch_failed", ("detail", e.Message)));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
