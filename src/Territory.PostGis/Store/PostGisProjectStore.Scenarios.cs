using Territory.Store.Users;
using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.Store;

namespace Territory.PostGis.Store;

internal sealed partial class PostGisProjectStore
{
    private const string ChangesTable = "scenario_changes";

    /// <inheritdoc />
    public IReadOnlyList<Scenario> ListScenarios()
    {
        var list = new List<Scenario>();
        using var cmd = _schema.Command($"SELECT name, author, description, source, shared, base_version, created_at, updated_at FROM {_schema.Q(StoreTables.Scenarios.Name)} ORDER BY updated_at DESC, name COLLATE \"C\"");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(ScenarioRow(r));
        return list;
    }

    /// <inheritdoc />
    public Scenario? ReadScenario(string name)
    {
        Scenario? scenario;
        using (var cmd = _schema.Command($"SELECT name, author, description, source, shared, base_version, created_at, updated_at FROM {_schema.Q(StoreTables.Scenarios.Name)} WHERE name = @n", ("n", name)))
        using (var r = cmd.ExecuteReader())
            scenario = r.Read() ? ScenarioRow(r) : null;
        if (scenario is null)
            return null;
        var changes = new List<ScenarioChange>();
        if (_schema.TableExists(ChangesTable))
        {
            using var cmd = _schema.Command($"SELECT op, agency_id, name, kind, geom, staff, site_staff FROM {_schema.Q(ChangesTable)} WHERE scenario = @n ORDER BY seq", ("n", name));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!ScenarioOps.TryParse(r.GetString(0), out var op))
                    continue;
                var location = r.IsDBNull(4) ? null : r.GetFieldValue<Geometry>(4) as Point;
                changes.Add(new ScenarioChange(op, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), ProjectLayers.KindOf(r.GetString(3)), location)
                {
                    Staff = r.IsDBNull(5) ? null : checked((int)r.GetInt64(5)),
                    SiteStaff = r.IsDBNull(6) ? null : checked((int)r.GetInt64(6)),
                });
            }
        }
        return scenario with { Changes = changes };
    }

    /// <inheritdoc />
    public void SaveScenario(Scenario scenario, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var name = ScenarioNames.Check(scenario.Name);
        var srid = WorkingCrs ?? throw new ReasonException(Message.Of("scenario_project_empty"));
        InTransaction(_ =>
        {
            LockVersion(scenario.Author);
            var existing = _schema.Scalar($"SELECT created_at FROM {_schema.Q(StoreTables.Scenarios.Name)} WHERE name = @n", ("n", name)) is string s
                ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
            if (existing is not null && !overwrite)
                throw new ReasonException(Message.Of("scenario_name_taken", ("name", name)));
            var now = DateTimeOffset.UtcNow;
            var created = existing ?? (scenario.CreatedAt == default ? now : scenario.CreatedAt);
            DeleteScenarioRows(name);
            var table = _schema.Q(StoreTables.Scenarios.Name);
            _schema.Execute($"""
                INSERT INTO {table} (fid, name, author, description, source, shared, base_version, created_at, updated_at)
                VALUES ((SELECT coalesce(max(fid), 0) + 1 FROM {table}), @n, @a, @d, @s, @sh, @b, @c, @u)
                """,
                ("n", name), ("a", scenario.Author), ("d", scenario.Description), ("s", scenario.Source), ("sh", scenario.Shared),
                ("b", scenario.BaseVersion), ("c", Iso(created)), ("u", Iso(now)));
            var seq = 0;
            WriteTable(StoreTables.ScenarioChanges(srid), append: _schema.TableExists(ChangesTable), w =>
            {
                foreach (var c in scenario.Changes)
                    w.Write(c.Location, name, ++seq, c.Op.Code(), c.AgencyId, c.Name, c.Kind.Code(), c.Staff, c.SiteStaff);
            }, default);
            WriteAudit(scenario.Author, "scenario_save", name, AuditDetail.Of(("changes", scenario.Changes.Count), ("shared", scenario.Shared)));
            return 0;
        });
    }

    /// <inheritdoc />
    public bool DeleteScenario(string name, string? author = null) => InTransaction(_ =>
    {
        LockVersion(author);
        var deleted = DeleteScenarioRows(name);
        if (deleted)
            WriteAudit(author, "scenario_delete", name, AuditDetail.Of());
        return deleted;
    });

    private bool DeleteScenarioRows(string name)
    {
        if (_schema.TableExists(ChangesTable))
            _schema.Execute($"DELETE FROM {_schema.Q(ChangesTable)} WHERE scenario = @n", ("n", name));
        return _schema.Execute($"DELETE FROM {_schema.Q(StoreTables.Scenarios.Name)} WHERE name = @n", ("n", name)) > 0;
    }

    private static Scenario ScenarioRow(NpgsqlDataReader r) => new()
    {
        Name = r.GetString(0),
        Author = r.IsDBNull(1) ? null : r.GetString(1),
        Description = r.IsDBNull(2) ? null : r.GetString(2),
        Source = r.GetString(3),
        Shared = r.GetBoolean(4),
        BaseVersion = r.GetInt64(5),
        CreatedAt = DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture),
    };

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
