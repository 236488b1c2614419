using Npgsql;
using Territory.Core.Messages;
using Territory.PostGis.Connection;
using Territory.Store;

namespace Territory.PostGis.Store;

/// <summary>Turns the failures of the server or the network into store failures with a reason (the edges show them: CLI exit 2, HTTP 503).</summary>
internal static class PgFailures
{
    public static T Guard<T>(PgLocation location, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            // A lock wait of the write past lock_timeout on another table than the version row (a long reader keeps it).
            throw new StoreFailureException(StoreFailureKind.Busy,
                Message.Of("postgis_lock_wait", ("location", location.Display), ("seconds", location.LockTimeoutSeconds)), e);
        }
        catch (Exception e) when (From(e, location.Display) is { } failure)
        {
            throw failure;
        }
    }

    public static void Guard(PgLocation location, Action body) => Guard(location, () =>
    {
        body();
        return 0;
    });

    /// <summary>The reason for a PostgreSQL failure that is not a bug, or null.</summary>
    public static StoreFailureException? From(Exception e, string? location)
    {
        var where = location ?? "";
        switch (e)
        {
            case StoreFailureException known:
                return known;
            case PostgresException pg:
                StoreFailureKind? kind = pg.SqlState switch
                {
                    "53100" => StoreFailureKind.DiskFull,
                    "42501" or "25006" => StoreFailureKind.ReadOnly,
                    "40P01" or "55P03" or "53300" or "57014" => StoreFailureKind.Busy,
                    "57P01" or "57P02" or "57P03" or "58030" => StoreFailureKind.InputOutput,
                    "3D000" or "28000" or "28P01" => StoreFailureKind.CannotOpen,
                    _ => null,
                };
                return kind is { } k
                    ? new StoreFailureException(k, Message.Of(k == StoreFailureKind.CannotOpen ? "postgis_cannot_connect" : "postgis_server_failed", ("location", where), ("detail", pg.MessageText)), e)
                    : null;
            case NpgsqlException npgsql:
                return new StoreFailureException(StoreFailureKind.CannotOpen,
                    Message.Of("postgis_cannot_connect", ("location", where), ("detail", (npgsql.InnerException ?? npgsql).Message)), e);
            default:
                return null;
        }
    }
}
