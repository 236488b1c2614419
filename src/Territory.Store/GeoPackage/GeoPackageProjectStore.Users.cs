using System.Globalization;
using Microsoft.Data.Sqlite;
using Territory.Core.Messages;
using Territory.IO.GeoPackage;
using Territory.Store.Users;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ReadAudit(int? limit = null)
    {
        var list = new List<AuditEntry>();
        using var cmd = GeoPackageSchema.Command(_connection, null,
            $"SELECT at, author, action, target, detail FROM {StoreTables.AuditLog.Name} ORDER BY at DESC, fid DESC" + (limit is int n ? $" LIMIT {Math.Max(0, n)}" : ""));
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new AuditEntry(DateTimeOffset.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.IsDBNull(1) ? null : r.GetString(1),
                r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return list;
    }

    /// <inheritdoc />
    public IReadOnlyList<ProjectUser> ListUsers()
    {
        if (!GeoPackageSchema.TableExists(_connection, null, StoreTables.Users.Name))
            return [];
        var list = new List<ProjectUser>();
        using var cmd = GeoPackageSchema.Command(_connection, null, $"SELECT name, role, password_hash, created_at, updated_at FROM {StoreTables.Users.Name} ORDER BY name");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (UserRow(r) is { } user)
                list.Add(user);
        return list;
    }

    /// <inheritdoc />
    public ProjectUser? ReadUser(string name)
    {
        if (!GeoPackageSchema.TableExists(_connection, null, StoreTables.Users.Name))
            return null;
        using var cmd = GeoPackageSchema.Command(_connection, null,
            $"SELECT name, role, password_hash, created_at, updated_at FROM {StoreTables.Users.Name} WHERE name = $n");
        cmd.Parameters.AddWithValue("$n", (name ?? "").Trim().ToLowerInvariant());
        using var r = cmd.ExecuteReader();
        return r.Read() ? UserRow(r) : null;
    }

    /// <inheritdoc />
    public void SaveUser(ProjectUser user, string? actor, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = UserNames.Check(user.Name);
        using var tx = Begin();
        if (!GeoPackageSchema.TableExists(_connection, tx, StoreTables.Users.Name))
            _file.WriteLayer(tx, StoreTables.Users, append: false, _ => { });
        string? created;
        string? role;
        using (var get = GeoPackageSchema.Command(_connection, tx, $"SELECT created_at, role FROM {StoreTables.Users.Name} WHERE name = $n"))
        {
            get.Parameters.AddWithValue("$n", name);
            using var r = get.ExecuteReader();
            (created, role) = r.Read() ? (r.GetString(0), r.GetString(1)) : (null, null);
        }
        if (created is not null && !overwrite)
            throw new ReasonException(Message.Of("user_name_taken", ("name", name)));
        using (var delete = GeoPackageSchema.Command(_connection, tx, $"DELETE FROM {StoreTables.Users.Name} WHERE name = $n"))
        {
            delete.Parameters.AddWithValue("$n", name);
            delete.ExecuteNonQuery();
        }
        var now = Now();
        using (var insert = GeoPackageSchema.Command(_connection, tx,
                   $"INSERT INTO {StoreTables.Users.Name} (name, role, password_hash, created_at, updated_at) VALUES ($n, $r, $h, $c, $u)"))
        {
            insert.Parameters.AddWithValue("$n", name);
            insert.Parameters.AddWithValue("$r", user.Role.Code());
            insert.Parameters.AddWithValue("$h", user.PasswordHash);
            insert.Parameters.AddWithValue("$c", created ?? now);
            insert.Parameters.AddWithValue("$u", now);
            insert.ExecuteNonQuery();
        }
        WriteAudit(tx, actor, created is null ? "user_add" : "user_change", name,
            created is null || role == user.Role.Code() ? AuditDetail.Of(("role", user.Role.Code())) : AuditDetail.Of(("from", role), ("to", user.Role.Code())));
        tx.Commit();
    }

    /// <inheritdoc />
    public bool DeleteUser(string name, string? actor)
    {
        if (!GeoPackageSchema.TableExists(_connection, null, StoreTables.Users.Name))
            return false;
        var key = (name ?? "").Trim().ToLowerInvariant();
        using var tx = Begin();
        using var cmd = GeoPackageSchema.Command(_connection, tx, $"DELETE FROM {StoreTables.Users.Name} WHERE name = $n");
        cmd.Parameters.AddWithValue("$n", key);
        var deleted = cmd.ExecuteNonQuery() > 0;
        if (deleted)
            WriteAudit(tx, actor, "user_remove", key, AuditDetail.Of());
        tx.Commit();
        return deleted;
    }

    // A row whose role is not one this version knows is left out (nobody signs in with a role it cannot check).
    private static ProjectUser? UserRow(SqliteDataReader r) =>
        UserRoles.TryParse(r.GetString(1), out var role)
            ? new ProjectUser(r.GetString(0), role, r.GetString(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture))
            : null;
}
