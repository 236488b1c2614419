using System.Globalization;
using Npgsql;
using Territory.Core.Messages;
using Territory.Store;
using Territory.Store.Users;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ReadAudit(int? limit = null)
    {
        var list = new List<AuditEntry>();
        using var cmd = _schema.Command($"SELECT at, author, action, target, detail FROM {_schema.Q(StoreTables.AuditLog.Name)} ORDER BY at DESC, fid DESC"
            + (limit is int n ? $" LIMIT {Math.Max(0, n).ToString(CultureInfo.InvariantCulture)}" : ""));
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new AuditEntry(DateTimeOffset.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.IsDBNull(1) ? null : r.GetString(1),
                r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return list;
    }

    /// <inheritdoc />
    public IReadOnlyList<ProjectUser> ListUsers()
    {
        if (!_schema.TableExists(StoreTables.Users.Name))
            return [];
        var list = new List<ProjectUser>();
        using var cmd = _schema.Command($"SELECT name, role, password_hash, created_at, updated_at FROM {_schema.Q(StoreTables.Users.Name)} ORDER BY name COLLATE \"C\"");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (UserRow(r) is { } user)
                list.Add(user);
        return list;
    }

    /// <inheritdoc />
    public ProjectUser? ReadUser(string name)
    {
        if (!_schema.TableExists(StoreTables.Users.Name))
            return null;
        using var cmd = _schema.Command($"SELECT name, role, password_hash, created_at, updated_at FROM {_schema.Q(StoreTables.Users.Name)} WHERE name = @n",
            ("n", (name ?? "").Trim().ToLowerInvariant()));
        using var r = cmd.ExecuteReader();
        return r.Read() ? UserRow(r) : null;
    }

    /// <inheritdoc />
    public void SaveUser(ProjectUser user, string? actor, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = UserNames.Check(user.Name);
        InTransaction(_ =>
        {
            // Serialises account changes like every other write of the project.
            LockVersion(actor);
            if (!_schema.TableExists(StoreTables.Users.Name))
                _schema.CreateTable(StoreTables.Users);
            var table = _schema.Q(StoreTables.Users.Name);
            string? created = null, role = null;
            using (var get = _schema.Command($"SELECT created_at, role FROM {table} WHERE name = @n", ("n", name)))
            using (var r = get.ExecuteReader())
                if (r.Read())
                    (created, role) = (r.GetString(0), r.GetString(1));
            if (created is not null && !overwrite)
                throw new ReasonException(Message.Of("user_name_taken", ("name", name)));
            _schema.Execute($"DELETE FROM {table} WHERE name = @n", ("n", name));
            var now = Now();
            _schema.Execute($"""
                INSERT INTO {table} (fid, name, role, password_hash, created_at, updated_at)
                VALUES ((SELECT coalesce(max(fid), 0) + 1 FROM {table}), @n, @r, @h, @c, @u)
                """, ("n", name), ("r", user.Role.Code()), ("h", user.PasswordHash), ("c", created ?? now), ("u", now));
            WriteAudit(actor, created is null ? "user_add" : "user_change", name,
                created is null || role == user.Role.Code() ? AuditDetail.Of(("role", user.Role.Code())) : AuditDetail.Of(("from", role), ("to", user.Role.Code())));
            return 0;
        });
    }

    /// <inheritdoc />
    public bool DeleteUser(string name, string? actor)
    {
        if (!_schema.TableExists(StoreTables.Users.Name))
            return false;
        var key = (name ?? "").Trim().ToLowerInvariant();
        return InTransaction(_ =>
        {
            LockVersion(actor);
            var deleted = _schema.Execute($"DELETE FROM {_schema.Q(StoreTables.Users.Name)} WHERE name = @n", ("n", key)) > 0;
            if (deleted)
                WriteAudit(actor, "user_remove", key, AuditDetail.Of());
            return deleted;
        });
    }

    private static ProjectUser? UserRow(NpgsqlDataReader r) =>
        UserRoles.TryParse(r.GetString(1), out var role)
            ? new ProjectUser(r.GetString(0), role, r.GetString(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture))
            : null;
}
