using Npgsql;
using Territory.Core.Messages;

namespace Territory.PostGis.Connection;

/// <summary>A PostgreSQL location as the user writes it: <c>postgresql://USER[:PASSWORD]@HOST:PORT/DB?schema=NAME</c> (or <c>?table=SCHEMA.TABLE</c>).</summary>
/// <remarks>
/// The libpq URI form. A password left out of the URI is taken as libpq does — from <c>PGPASSWORD</c>,
/// then from the password file (<c>PGPASSFILE</c> or <c>~/.pgpass</c>) — by Npgsql itself. The password
/// is never shown: <see cref="Display"/> is the URI without it. Query parameters: <c>schema</c> (the
/// project: one schema per project), <c>table</c> (a source table), <c>sslmode</c>, <c>lock_timeout</c> (seconds a write
/// waits for another one); nothing else.
/// </remarks>
internal sealed record PgLocation(string Host, int Port, string Database, string? User, string? Password, string? Schema, string? TableSchema, string? Table, string? SslMode)
{
    /// <summary>The default PostgreSQL port.</summary>
    public const int DefaultPort = 5432;

    /// <summary>How long a write waits for another one to finish, by default (seconds).</summary>
    public const double DefaultLockTimeoutSeconds = 30;

    /// <summary>
    /// How long a write waits for another write of the project to finish before it gives up with a reason
    /// (<c>?lock_timeout=SECONDS</c>; 0: no limit). Reads never wait for writes.
    /// </summary>
    public double LockTimeoutSeconds { get; init; } = DefaultLockTimeoutSeconds;

    /// <summary>True for a <c>postgresql://</c> or <c>postgres://</c> location.</summary>
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a location.</summary>
    /// <exception cref="ReasonException">Not a PostgreSQL URI, no database, a bad port, an unknown parameter or an invalid schema/table name.</exception>
    public static PgLocation Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!IsPostgres(location) || !Uri.TryCreate(location, UriKind.Absolute, out var uri))
            throw Invalid(location, "URI");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
            throw Invalid(location, "base");
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        string? schema = null, tableSchema = null, table = null, sslMode = null;
        var lockTimeout = DefaultLockTimeoutSeconds;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key)
            {
                case "schema":
                    schema = Checked(value);
                    break;
                case "table":
                    var dot = value.IndexOf('.', StringComparison.Ordinal);
                    (tableSchema, table) = dot < 0 ? ("public", Checked(value)) : (Checked(value[..dot]), Checked(value[(dot + 1)..]));
                    break;
                case "sslmode":
                    sslMode = value;
                    break;
                case "lock_timeout":
                    if (!double.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out lockTimeout)
                        || lockTimeout > 86_400)
                        throw Invalid(location, "lock_timeout");
                    break;
                default:
                    throw Invalid(location, key);
            }
        }
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        var host = uri.Host.Trim('[', ']');
        if (host.Length == 0)
            throw Invalid(location, "hôte");
        return new PgLocation(host, port, database, user, password, schema, tableSchema, table, sslMode) { LockTimeoutSeconds = lockTimeout };
    }

    /// <summary>The URI without its password (what is shown and logged).</summary>
    public string Display
    {
        get
        {
            var user = User is null ? "" : Uri.EscapeDataString(User) + "@";
            var host = Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;
            var query = new List<string>();
            if (Schema is not null) query.Add("schema=" + Schema);
            if (Table is not null) query.Add("table=" + TableSchema + "." + Table);
            if (SslMode is not null) query.Add("sslmode=" + Uri.EscapeDataString(SslMode));
            if (LockTimeoutSeconds != DefaultLockTimeoutSeconds) query.Add("lock_timeout=" + LockTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return $"postgresql://{user}{host}:{Port}/{Uri.EscapeDataString(Database)}{(query.Count == 0 ? "" : "?" + string.Join("&", query))}";
        }
    }

    /// <summary>The Npgsql connection string (password only when the URI gave one; otherwise libpq's environment and password file apply).</summary>
    public string ConnectionString
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = Host,
                Port = Port,
                Database = Database,
                ApplicationName = "territory",
                // A store holds its connection for its lifetime; a few idle ones are enough per process.
                MaxPoolSize = 32,
                CommandTimeout = 0,
            };
            if (User is not null) builder.Username = User;
            if (Password is not null) builder.Password = Password;
            if (SslMode is not null && Enum.TryParse<SslMode>(SslMode, ignoreCase: true, out var ssl)) builder.SslMode = ssl;
            return builder.ConnectionString;
        }
    }

    /// <summary>The project schema, which a store location must name.</summary>
    /// <exception cref="ReasonException">No <c>?schema=</c>.</exception>
    public string RequireSchema() => Schema ?? throw new ReasonException(Message.Of("postgis_schema_missing", ("location", Display)));

    private static string Checked(string name) =>
        PgIdentifier.IsValid(name) ? name : throw new ReasonException(Message.Of("postgis_identifier_invalid", ("name", name)));

    private static ReasonException Invalid(string location, string problem) =>
        new(Message.Of("postgis_location_invalid", ("location", WithoutPassword(location)), ("problem", problem)));

    /// <summary>A location string with any password masked, for messages about a location that does not parse.</summary>
    internal static string WithoutPassword(string location)
    {
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        var at = location.IndexOf('@', StringComparison.Ordinal);
        if (scheme < 0 || at < 0)
            return location;
        var colon = location.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? location[..colon] + location[at..] : location;
    }
}
