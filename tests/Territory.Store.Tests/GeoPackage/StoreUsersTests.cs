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
        Assert.Equal(("admin", "marie.dupont", "planification"), (audit.Author, audit.Target, AuditDetail.Values(audit.Detail)["role"]));
        Assert.Equal("compte « marie.dupont », rôle planification", AuditDetail.Describe(audit).Render(Lang.Fr));
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
        Assert.Equal("user_change", latest.Action);
        Assert.Equal("compte « paul » : rôle lecture → administration", AuditDetail.Describe(latest).Render(Lang.Fr));
        Assert.Equal("account “paul”: role read-only (lecture) → administration", AuditDetail.Describe(latest).Render(Lang.En));
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
        Assert.Equal(2L, Convert.ToInt64(AuditDetail.Values(audit[1].Detail)["accepted"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("couche estates créée : 0 → 2\u00a0entités (test.Estates : 2\u00a0lues, 2\u00a0acceptées, 0\u00a0rejetée)", AuditDetail.Describe(audit[1]).Render(Lang.Fr));
        // A line written as free text (an older version, another tool) reads as it was written.
        Assert.Equal("territoires 12 rows", AuditDetail.Describe(audit[0]).Render(Lang.Fr));
        Assert.Single(store.ReadAudit(1));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void DeleteScenario_WithAuthor_AuditLineNamesWhoDeletedIt(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(StoreTestData.Estates([StoreTestData.Estate("a", "POINT (700000 6600000)")]), new LayerWriteOptions { Author = "ada" });
        store.SaveScenario(new Core.Scenarios.Scenario { Name = "Relais", Author = "paul" }, overwrite: false);

        Assert.True(store.DeleteScenario("Relais", "ada"));

        var line = store.ReadAudit(1).Single();
        Assert.Equal(("ada", "scenario_delete", "Relais"), (line.Author, line.Action, line.Target));
        Assert.Equal("scénario « Relais »", AuditDetail.Describe(line).Render(Lang.Fr));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void Audit_SignInLines_ReadBackInFrenchAndEnglish(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.Audit("paul", "sign_in", "paul", AuditDetail.Of(("source", "token")));
        store.Audit(null, "sign_in_failed", "pual", AuditDetail.Of(("source", "form"), ("reason", "bad_credentials")));

        var lines = store.ReadAudit();

        Assert.Equal("« pual » par le formulaire de la carte : nom ou mot de passe incorrect", AuditDetail.Describe(lines[0]).Render(Lang.Fr));
        Assert.Equal("connexion refusée", AuditDetail.Label(lines[0].Action).Render(Lang.Fr));
        Assert.Null(lines[0].Author);
        Assert.Equal("paul signed in with an API token", AuditDetail.Describe(lines[1]).Render(Lang.En));
    }

    [Fact]
    public void AuditDetail_EveryActionTheProductWrites_HasALabelAndASentenceInBothLanguages()
    {
        foreach (var action in AuditDetail.Actions)
        {
            Assert.True(Catalogue.Has("audit_action_" + action), action);
            Assert.True(Catalogue.Has("audit_" + action), action);
            foreach (var lang in new[] { Lang.Fr, Lang.En })
                Assert.NotNull(Catalogue.Template("audit_" + action, lang));
        }
    }
}
