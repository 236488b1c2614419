using Territory.Core.Messages;
using Territory.PostGis.Tests.Support;
using Territory.Store;
using Territory.TestSupport;
using static Territory.PostGis.Tests.Support.PgProject;

namespace Territory.PostGis.Tests.Store;

/// <summary>A write blocked by another one past the lock timeout gives up with a French reason naming the other writer, and changes nothing.</summary>
public sealed class LockTimeoutTests
{
    [Fact]
    public void ImportLayer_AnotherWriteHoldsTheProjectPastTheTimeout_RefusedNamingItAndNothingWritten()
    {
        using var p = Create();
        if (p is null)
            return;
        using (var setup = p.Open())
            setup.ImportLayer(Estates(Many(3)), new LayerWriteOptions { Author = "setup" });
        long version;
        int audit;
        using (var before = p.Open())
            (version, audit) = (before.DataVersion, before.ReadAudit().Count);

        // A second connection writes as paul and keeps the project (its version row) locked.
        using var holder = TestPostGis.Connect(p.Schema);
        using var tx = holder.BeginTransaction();
        using (var hold = holder.CreateCommand())
        {
            hold.Transaction = tx;
            hold.CommandText = "SELECT set_config('application_name', 'territory: paul', true); SELECT value FROM territory_project WHERE key = 'data_version' FOR UPDATE";
            hold.ExecuteNonQuery();
        }

        using (var store = ProjectStores.Open(p.Location + "&lock_timeout=0.5"))
        {
            var e = Assert.Throws<StoreFailureException>(() => store.ImportLayer(Estates(Many(10, "X")), new LayerWriteOptions { Author = "ada" }));
            Assert.Equal(StoreFailureKind.Busy, e.Kind);
            Assert.Equal("postgis_locked", e.Reason.Code);
            var text = e.Reason.Render(Lang.Fr);
            Assert.Contains("est en cours de modification par paul", text, StringComparison.Ordinal);
            Assert.Contains("réessayez dans un moment. Rien n'a été écrit.", text, StringComparison.Ordinal);
            Assert.Contains("lock_timeout=0.5", text, StringComparison.Ordinal);
        }
        tx.Rollback();

        using (var after = p.Open())
        {
            Assert.Equal(version, after.DataVersion);
            Assert.Equal(3, after.ReadEstates().Count);
            Assert.Equal(audit, after.ReadAudit().Count);
            // Once the other write is over, the same import goes through.
            after.ImportLayer(Estates(Many(10, "X")), new LayerWriteOptions { Author = "ada" });
            Assert.Equal(10, after.ReadEstates().Count);
        }
    }

    [Fact]
    public void ImportLayer_ALongReadKeepsTheTable_RefusedPastTheTimeoutAndNothingWritten()
    {
        using var p = Create();
        if (p is null)
            return;
        using (var setup = p.Open())
            setup.ImportLayer(Estates(Many(3)), new LayerWriteOptions { Author = "setup" });
        long version;
        using (var before = p.Open())
            version = before.DataVersion;

        // A reader in an open transaction (a long export, a QGIS session) keeps the estates table.
        using var reader = TestPostGis.Connect(p.Schema);
        using var tx = reader.BeginTransaction();
        using (var read = reader.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT count(*) FROM estates";
            read.ExecuteScalar();
        }

        using (var store = ProjectStores.Open(p.Location + "&lock_timeout=0.5"))
        {
            var e = Assert.Throws<StoreFailureException>(() => store.ImportLayer(Estates(Many(10, "X")), new LayerWriteOptions { Author = "ada" }));
            Assert.Equal((StoreFailureKind.Busy, "postgis_lock_wait"), (e.Kind, e.Reason.Code));
            Assert.Contains("réessayez dans un moment. Rien n'a été écrit.", e.Reason.Render(Lang.Fr), StringComparison.Ordinal);
        }
        tx.Rollback();

        using var after = p.Open();
        Assert.Equal(version, after.DataVersion);
        Assert.Equal(3, after.ReadEstates().Count);
    }

    [Fact]
    public void Audit_WhileAnotherWriteHoldsTheProject_WrittenWithoutWaitingForIt()
    {
        using var p = Create();
        if (p is null)
            return;
        using (var setup = p.Open())
            setup.ImportLayer(Estates(Many(3)), new LayerWriteOptions { Author = "setup" });
        using var holder = TestPostGis.Connect(p.Schema);
        using var tx = holder.BeginTransaction();
        using (var hold = holder.CreateCommand())
        {
            hold.Transaction = tx;
            hold.CommandText = "SELECT value FROM territory_project WHERE key = 'data_version' FOR UPDATE";
            hold.ExecuteNonQuery();
        }

        // A sign-in during a long import: its line goes in at once (under the audit table's own lock).
        using (var store = ProjectStores.Open(p.Location + "&lock_timeout=0.5"))
            store.Audit("paul", "sign_in", "paul", Territory.Store.Users.AuditDetail.Of(("source", "form")));
        tx.Rollback();

        using var after = p.Open();
        Assert.Equal("sign_in", after.ReadAudit(1).Single().Action);
    }

    [Fact]
    public void Parse_LockTimeout_ReadKeptInTheLocationAndBadValuesRefused()
    {
        Assert.Equal(30, Territory.PostGis.Connection.PgLocation.Parse("postgresql://u@h/db?schema=s").LockTimeoutSeconds);
        Assert.Equal(2.5, Territory.PostGis.Connection.PgLocation.Parse("postgresql://u@h/db?schema=s&lock_timeout=2.5").LockTimeoutSeconds);
        Assert.Equal(0, Territory.PostGis.Connection.PgLocation.Parse("postgresql://u@h/db?schema=s&lock_timeout=0").LockTimeoutSeconds);
        Assert.Throws<ReasonException>(() => Territory.PostGis.Connection.PgLocation.Parse("postgresql://u@h/db?schema=s&lock_timeout=-1"));
        Assert.Throws<ReasonException>(() => Territory.PostGis.Connection.PgLocation.Parse("postgresql://u@h/db?schema=s&lock_timeout=x"));
    }
}
