using Territory.Store.Users;

namespace Territory.Web.Auth;

/// <summary>
/// Writes sign-ins, refused sign-ins and sign-outs to the project's audit table (<c>sign_in</c>, <c>sign_in_failed</c>,
/// <c>sign_out</c>), with how the user came (<c>form</c>, <c>token</c>, <c>oidc</c>) and why a refusal was made.
/// </summary>
/// <remarks>
/// The lines are written behind the answer, one after the other in the order of the sign-ins: a sign-in never waits for
/// the store (a GeoPackage another write keeps busy for its whole import). It is never refused because its line could
/// not be written (the project busy past its lock timeout, the server unreachable): the failure is logged instead, so
/// that the map stays reachable. Readers of the audit table call <see cref="FlushAsync"/> first.
/// </remarks>
public sealed class SignInAudit(UserDirectory directory, ILogger<SignInAudit> log)
{
    private readonly Lock _lock = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Names typed into the form are cut to this length before they are written.</summary>
    public const int MaxNameLength = 64;

    /// <summary>A successful sign-in.</summary>
    public void SignedIn(string name, string source) => Write(name, "sign_in", name, AuditDetail.Of(("source", source)));

    /// <summary>A refused sign-in: the name as typed (no author: nobody is proven), how, and why.</summary>
    public void Refused(string? name, string source, string reason) =>
        Write(null, "sign_in_failed", Cut(name), AuditDetail.Of(("source", source), ("reason", reason)));

    /// <summary>A sign-out.</summary>
    public void SignedOut(string name, string source) => Write(name, "sign_out", name, AuditDetail.Of(("source", source)));

    /// <summary>Completes when every line asked for so far is written (or its failure logged).</summary>
    public Task FlushAsync()
    {
        lock (_lock)
            return _tail;
    }

    private void Write(string? author, string action, string target, string detail)
    {
        lock (_lock)
            _tail = _tail.ContinueWith(_ => WriteNow(author, action, target, detail), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void WriteNow(string? author, string action, string target, string detail)
    {
        try
        {
            directory.Change(store =>
            {
                store.Audit(author, action, target, detail);
                return 0;
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Audit line {Action} for {Target} not written", action, target);
        }
    }

    private static string Cut(string? name)
    {
        var text = (name ?? "").Trim();
        return text.Length <= MaxNameLength ? text : text[..MaxNameLength];
    }
}
