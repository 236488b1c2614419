using System.Globalization;
using Npgsql;
using Territory.Store;

namespace Territory.PostGis.Store;

/// <summary>The write lock of a project (its data-version row) and the bound on every lock wait of a write.</summary>
internal sealed partial class PostGisProjectStore
{
    /// <summary>Locks the data-version row until the transaction ends and returns the version.</summary>
    /// <param name="author">Who writes (shown to a writer who waits for this one), or null.</param>
    /// <exception cref="StoreFailureException">Another write kept the project past the lock timeout (<see cref="StoreFailureKind.Busy"/>); nothing was written.</exception>
    private long LockVersion(string? author = null)
    {
        // Transaction-scoped: the wait is bounded for this write only, and who writes is visible to the one who waits.
        BoundLockWaits();
        if (author is not null)
            _schema.Execute("SELECT set_config('application_name', @n, true)", ("n", PgLockHolder.ApplicationName(author)));
        _schema.Execute("SAVEPOINT territory_lock");
        try
        {
            var version = ReadDataVersion(forUpdate: true);
            _schema.Execute("RELEASE SAVEPOINT territory_lock");
            return version;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            _schema.Execute("ROLLBACK TO SAVEPOINT territory_lock");
            throw PgLockHolder.Refusal(_schema, _location, e);
        }
    }

    /// <summary>Every lock wait of the current transaction lasts at most the location's lock timeout.</summary>
    private void BoundLockWaits()
    {
        var ms = (long)Math.Round(_location.LockTimeoutSeconds * 1000);
        _schema.Execute($"SET LOCAL lock_timeout = {ms.ToString(CultureInfo.InvariantCulture)}");
    }
}
