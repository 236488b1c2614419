using Npgsql;
using Territory.Core.Messages;
using Territory.PostGis.Connection;
using Territory.Store;

namespace Territory.PostGis.Store;

/// <summary>Who holds a project's write lock, as PostgreSQL shows it: the refusal a write gets after waiting past its lock timeout.</summary>
/// <remarks>
/// Every write names itself in <c>application_name</c> for the length of its transaction (<c>territory: AUTHOR</c>); a
/// write that waited too long reads, from <c>pg_locks</c> and <c>pg_stat_activity</c>, which session holds the
/// data-version row (the only <c>FOR UPDATE</c> lock on <c>territory_project</c>) and says who it is.
/// </remarks>
internal static class PgLockHolder
{
    private const string Prefix = "territory: ";

    /// <summary>The <c>application_name</c> of a write by <paramref name="author"/>.</summary>
    public static string ApplicationName(string? author) =>
        string.IsNullOrWhiteSpace(author) ? "territory" : Prefix + (author.Length > 40 ? author[..40] : author);

    /// <summary>The refusal: who keeps the project (when the server lets us see it), how long this write waited; nothing written.</summary>
    public static StoreFailureException Refusal(PgSchema schema, PgLocation location, PostgresException cause)
    {
        string? who = null;
        try
        {
            who = Holder(schema);
        }
        catch (NpgsqlException)
        {
            // The refusal matters more than its detail.
        }
        var message = who is null
            ? Message.Of("postgis_locked_unknown", ("location", location.Display), ("seconds", location.LockTimeoutSeconds))
            : Message.Of("postgis_locked", ("location", location.Display), ("who", who), ("seconds", location.LockTimeoutSeconds));
        return new StoreFailureException(StoreFailureKind.Busy, message, cause);
    }

    private static string? Holder(PgSchema schema)
    {
        using var cmd = schema.Command("""
            SELECT a.application_name, a.usename, host(a.client_addr)
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.relation = to_regclass(@t) AND l.mode = 'RowShareLock' AND l.granted AND l.pid <> pg_backend_pid()
            ORDER BY a.xact_start LIMIT 1
            """, ("t", schema.Q(Territory.Store.ProjectLayers.Metadata)));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            return null;
        var app = r.IsDBNull(0) ? "" : r.GetString(0);
        var user = r.IsDBNull(1) ? null : r.GetString(1);
        var host = r.IsDBNull(2) ? null : r.GetString(2);
        if (app.StartsWith(Prefix, StringComparison.Ordinal))
            return app[Prefix.Length..];
        var where = string.Join("@", new[] { user, host }.Where(s => !string.IsNullOrEmpty(s)));
        return app.Length == 0 && where.Length == 0 ? null : (app.Length == 0 ? where : where.Length == 0 ? app : $"{app} ({where})");
    }
}
