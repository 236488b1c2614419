using Territory.Store.Users;
using System.Globalization;
using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.IO.GeoPackage;
using Territory.Store;

namespace Territory.Store.GeoPackage;

public sealed partial class GeoPackageProjectStore
{
    private const string ChangesTable = "scenario_changes";

    /// <inheritdoc />
    public IReadOnlyList<Scenario> ListScenarios()
    {
        var list = new List<Scenario>();
        using var cmd = GeoPackageSchema.Command(_connection, null,
            $"SELECT name, author, description, source, shared, base_version, created_at, updated_at FROM {StoreTables.Scenarios.Name} ORDER BY updated_at DESC, name");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(ScenarioRow(r));
        return list;
    }

    /// <inheritdoc />
    public Scenario? ReadScenario(string name)
    {
        Scenario? scenario;
        using (var cmd = GeoPackageSchema.Command(_connection, null,
                   $"SELECT name, author, description, source, shared, base_version, created_at, updated_at FROM {StoreTables.Scenarios.Name} WHERE name = $n"))
        {
            cmd.Parameters.AddWithValue("$n", name);
            using var r = cmd.ExecuteReader();
            scenario = r.Read() ? ScenarioRow(r) : null;
        }
        if (scenario is null)
            return null;
        var changes = new List<ScenarioChange>();
        if (GeoPackageSchema.TableExists(_connection, null, ChangesTable))
        {
            var blob = new GeoPackageBlob();
            using var cmd = GeoPackageSchema.Command(_connection, null,
                $"SELECT op, agency_id, name, kind, geom, staff, site_staff FROM {ChangesTable} WHERE scenario = $n ORDER BY seq");
            cmd.Parameters.AddWithValue("$n", name);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!ScenarioOps.TryParse(r.GetString(0), out var op))
                    continue;
                var location = r.IsDBNull(4) ? null : blob.Read((byte[])r.GetValue(4)) as Point;
                changes.Add(new ScenarioChange(op, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), ProjectLayers.KindOf(r.GetString(3)), location)
                {
                    Staff = r.IsDBNull(5) ? null : r.GetInt32(5),
                    SiteStaff = r.IsDBNull(6) ? null : r.GetInt32(6),
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
        using var tx = Begin();
        var existing = ReadCreatedAt(tx, name);
        if (existing is not null && !overwrite)
            throw new ReasonException(Message.Of("scenario_name_taken", ("name", name)));
        var now = DateTimeOffset.UtcNow;
        var created = existing ?? (scenario.CreatedAt == default ? now : scenario.CreatedAt);
        DeleteScenario(tx, name);
        using (var insert = GeoPackageSchema.Command(_connection, tx,
                   $"INSERT INTO {StoreTables.Scenarios.Name} (name, author, description, source, shared, base_version, created_at, updated_at) VALUES ($n, $a, $d, $s, $sh, $b, $c, $u)"))
        {
            insert.Parameters.AddWithValue("$n", name);
            insert.Parameters.AddWithValue("$a", (object?)scenario.Author ?? DBNull.Value);
            insert.Parameters.AddWithValue("$d", (object?)scenario.Description ?? DBNull.Value);
            insert.Parameters.AddWithValue("$s", scenario.Source);
            insert.Parameters.AddWithValue("$sh", scenario.Shared);
            insert.Parameters.AddWithValue("$b", scenario.BaseVersion);
            insert.Parameters.AddWithValue("$c", Iso(created));
            insert.Parameters.AddWithValue("$u", Iso(now));
            insert.ExecuteNonQuery();
        }
        var seq = 0;
        _file.WriteLayer(tx, StoreTables.ScenarioChanges(srid), append: GeoPackageSchema.TableExists(_connection, tx, ChangesTable), w =>
        {
            foreach (var c in scenario.Changes)
                w.Write(c.Location, name, ++seq, c.Op.Code(), c.AgencyId, c.Name, c.Kind.Code(), c.Staff, c.SiteStaff);
        });
        WriteAudit(tx, scenario.Author, "scenario_save", name, AuditDetail.Of(("changes", scenario.Changes.Count), ("shared", scenario.Shared)));
        tx.Commit();
    }

    /// <inheritdoc />
    public bool DeleteScenario(string name, string? author = null)
    {
        using var tx = Begin();
        var deleted = DeleteScenario(tx, name);
        if (deleted)
            WriteAudit(tx, author, "scenario_delete", name, AuditDetail.Of());
        tx.Commit();
        return deleted;
    }

    private bool DeleteScenario(Microsoft.Data.Sqlite.SqliteTransaction tx, string name)
    {
        if (GeoPackageSchema.TableExists(_connection, tx, ChangesTable))
        {
            using var changes = GeoPackageSchema.Command(_connection, tx, $"DELETE FROM {ChangesTable} WHERE scenario = $n");
            changes.Parameters.AddWithValue("$n", name);
            changes.ExecuteNonQuery();
        }
        using var cmd = GeoPackageSchema.Command(_connection, tx, $"DELETE FROM {StoreTables.Scenarios.Name} WHERE name = $n");
        cmd.Parameters.AddWithValue("$n", name);
        return cmd.ExecuteNonQuery() > 0;
    }

    private DateTimeOffset? ReadCreatedAt(Microsoft.Data.Sqlite.SqliteTransaction tx, string name)
    {
        using var cmd = GeoPackageSchema.Command(_connection, tx, $"SELECT created_at FROM {StoreTables.Scenarios.Name} WHERE name = $n");
        cmd.Parameters.AddWithValue("$n", name);
        return cmd.ExecuteScalar() is string s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : null;
    }

    private static Scenario ScenarioRow(Microsoft.Data.Sqlite.SqliteDataReader r) => new()
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
