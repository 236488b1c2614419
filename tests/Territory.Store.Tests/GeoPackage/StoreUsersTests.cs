using Territory.Core.Messages;
using Territory.Store.GeoPackage;
using Territory.Store.Tests.Stores;
using Territory.Store.Users;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>Local accounts live in the project with their audit lines, on both stores; the audit table reads back newest first.</summary>
public sealed class StoreUsersTests
{
    private static ProjectUser User(string name, UserRole role = UserRole.Lecture, string hash = "AQAAAAIAAYagAAAAEH") =>
        new(name, role, hash, default, default);

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void SaveUser_NewProject_RoundTripsInLowerCaseWithAnAuditLine(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        Assert.Empty(store.ListUsers());

        store.SaveUser(User("Marie.Dupont", UserRole.Planification), "admin", overwrite: false);

        var user = Assert.Single(store.ListUsers());
        Assert.Equal("marie.dupont", user.Name);
        Assert.Equal(UserRole.Planification, user.Role);
        Assert.Equal("AQAAAAIAAYagAAAAEH", user.PasswordHash);
        Assert.Equal("marie.dupont", store.ReadUser("MARIE.dupont ")!.Name);
        var audit = Assert.Single(store.ReadAudit(), a => a.Action == "user_add");
        Assert.Equal(("admin", "marie.dupont", "role planification"), (audit.Author, audit.Target, audit.Detail));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void SaveUser_ExistingNameWithoutOverwrite_IsRefusedAndUnchanged(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.SaveUser(User("paul"), null, overwrite: false);

        var e = Assert.Throws<ReasonException>(() => store.SaveUser(User("Paul", UserRole.Administration), null, overwrite: false));

        Assert.Equal("user_name_taken", e.Reason.Code);
        Assert.Equal(UserRole.Lecture, store.ReadUser("paul")!.Role);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void SaveUser_Overwrite_KeepsCreationDateAndAuditsTheRoleChange(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.SaveUser(User("paul"), "ada", overwrite: false);
        var created = store.ReadUser("paul")!.CreatedAt;

        store.SaveUser(User("paul", UserRole.Administration, "new-hash"), "ada", overwrite: true);

        var user = store.ReadUser("paul")!;
        Assert.Equal((UserRole.Administration, "new-hash", created), (user.Role, user.PasswordHash, user.CreatedAt));
        var latest = store.ReadAudit(1).Single();
        Assert.Equal(("user_change", "role lecture -> administration"), (latest.Action, latest.Detail));
    }

    [Theory]
    [InlineData("", "user_name_empty")]
    [InlineData("paul dupont", "user_name_characters")]
    [InlineData("paul<script>", "user_name_characters")]
    public void SaveUser_BadName_IsAReason(string name, string code)
    {
        using var tmp = new TempGpkg();
        using var store = GeoPackageProjectStore.Open(tmp.Path);

        var e = Assert.Throws<ReasonException>(() => store.SaveUser(User(name), null, overwrite: false));

        Assert.Equal(code, e.Reason.Code);
        Assert.Empty(store.ListUsers());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void DeleteUser_RemovesTheAccountOnceAndAuditsIt(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.SaveUser(User("lea"), "ada", overwrite: false);

        Assert.True(store.DeleteUser("LEA", "ada"));
        Assert.False(store.DeleteUser("lea", "ada"));

        Assert.Null(store.ReadUser("lea"));
        Assert.Equal(["user_remove", "user_add"], store.ReadAudit().Select(a => a.Action));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void ReadAudit_ImportAndScenario_NewestFirstWithAuthorAndCounts(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(StoreTestData.Estates([StoreTestData.Estate("a", "POINT (700000 6600000)"), StoreTestData.Estate("b", "POINT (700100 6600000)")]),
            new LayerWriteOptions { Author = "ada" });
        store.Audit("paul", "export", "territoires", "12 rows");

        var audit = store.ReadAudit();

        Assert.Equal(["export", "import"], audit.Select(a => a.Action));
        Assert.Equal("ada", audit[1].Author);
        Assert.Contains("accepted 2", audit[1].Detail, StringComparison.Ordinal);
        Assert.Single(store.ReadAudit(1));
    }
}
