using Territory.Store;
using Territory.Store.Users;
using Territory.Web.Hosting;

namespace Territory.Web.Auth;

/// <summary>
/// The project's local accounts as the server sees them: read from the store, kept for a moment so that
/// each request does not open it, and read again at once after a change made through this server.
/// An account removed or demoted with <c>territory users</c> takes effect within <see cref="CacheFor"/>.
/// </summary>
public sealed class UserDirectory(WebOptions options)
{
    /// <summary>How long the list is trusted before it is read again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private IReadOnlyList<ProjectUser>? _users;
    private DateTime _readAt;

    /// <summary>True when sign-in is required: off loopback, with the directory configured, or once the project has an account.</summary>
    public bool SignInRequired => !options.IsLoopback || options.Auth.Oidc.IsConfigured || Users().Count > 0;

    /// <summary>False when the server listens beyond this computer with no way to sign in (no account, no directory): it must not start.</summary>
    public bool SignInPossible => options.IsLoopback || options.Auth.Oidc.IsConfigured || Users().Count > 0;

    /// <summary>The account of that name (any case), or null.</summary>
    public ProjectUser? Find(string name) =>
        Users().FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The accounts, by name.</summary>
    public IReadOnlyList<ProjectUser> Users()
    {
        lock (_lock)
        {
            if (_users is null || DateTime.UtcNow - _readAt > CacheFor)
            {
                _users = Read();
                _readAt = DateTime.UtcNow;
            }
            return _users;
        }
    }

    /// <summary>Forgets the cached list (after a change made through this server).</summary>
    public void Invalidate()
    {
        lock (_lock)
            _users = null;
    }

    /// <summary>Runs a change of accounts on the project's store, then forgets the cached list.</summary>
    public T Change<T>(Func<IProjectStore, T> change)
    {
        try
        {
            using var store = ProjectStores.Open(Location);
            return change(store);
        }
        finally
        {
            Invalidate();
        }
    }

    private string Location => options.Project ?? throw new InvalidOperationException("No project.");

    private IReadOnlyList<ProjectUser> Read()
    {
        // A project that vanished has no accounts; the session answers for the project itself.
        if (!ProjectStores.Exists(Location))
            return _users ?? [];
        using var store = ProjectStores.Open(Location);
        return store.ListUsers();
    }
}
