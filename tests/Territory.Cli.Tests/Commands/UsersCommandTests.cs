using Territory.Cli.Infrastructure;
using Territory.Store.GeoPackage;

namespace Territory.Cli.Tests.Commands;

/// <summary><c>territory users</c> and <c>territory audit</c> on a real project; <c>serve</c> off loopback without accounts refuses to start.</summary>
public sealed class UsersCommandTests
{
    [Fact]
    public void UsersAdd_PasswordOnStdin_StoresAHashAndListsTheAccount()
    {
        using var dir = TestPaths.Temp();
        var project = Project(dir);

        var add = Run("correct horse battery\n", "users", "add", project, "--name", "Marie.Dupont", "--role", "planification", "--password-stdin");

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Contains("« marie.dupont »", add.Out, StringComparison.Ordinal);
        var list = CliRun.Invoke("users", "list", project, "--json").Json();
        var user = Assert.Single(list.GetProperty("users").EnumerateArray());
        Assert.Equal("marie.dupont", user.GetProperty("name").GetString());
        Assert.Equal("planification", user.GetProperty("role").GetString());
        using var store = GeoPackageProjectStore.Open(project);
        var hash = store.ReadUser("marie.dupont")!.PasswordHash;
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.True(Territory.Web.Auth.Passwords.Verify(store.ReadUser("marie.dupont")!, "correct horse battery"));
    }

    [Fact]
    public void UsersPasswdRoleRemove_ChangeTheAccountAndTheAuditSaysWho()
    {
        using var dir = TestPaths.Temp();
        var project = Project(dir);
        Assert.Equal(0, Run("premier-mot-de-passe\n", "users", "add", project, "--name", "paul", "--password-stdin").ExitCode);

        Assert.Equal(0, Run("second-mot-de-passe\n", "users", "passwd", project, "--name", "paul", "--password-stdin").ExitCode);
        Assert.Equal(0, CliRun.Invoke("users", "role", project, "--name", "PAUL", "--role", "administration").ExitCode);
        using (var store = GeoPackageProjectStore.Open(project))
        {
            var paul = store.ReadUser("paul")!;
            Assert.Equal(Territory.Store.Users.UserRole.Administration, paul.Role);
            Assert.True(Territory.Web.Auth.Passwords.Verify(paul, "second-mot-de-passe"));
            Assert.False(Territory.Web.Auth.Passwords.Verify(paul, "premier-mot-de-passe"));
        }
        Assert.Equal(0, CliRun.Invoke("users", "remove", project, "--name", "paul").ExitCode);

        var audit = CliRun.Invoke("audit", project, "--json").Json().GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["user_remove", "user_change", "user_change", "user_add"],
            audit.Where(e => e.GetProperty("action").GetString()!.StartsWith("user_", StringComparison.Ordinal)).Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit.Take(4), e => Assert.Equal(Environment.UserName, e.GetProperty("author").GetString()));
        Assert.Equal("administration", audit[1].GetProperty("values").GetProperty("to").GetString());
        Assert.Equal("compte « paul » : rôle lecture → administration", audit[1].GetProperty("text").GetString());
        var text = CliRun.Invoke("audit", project);
        Assert.Contains("compte supprimé", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("user_remove", text.Out, StringComparison.Ordinal);
        Assert.Contains("account removed", CliRun.Invoke("audit", project, "--lang", "en").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ImportAndUndoFromTheCommandLine_NameTheSystemUserAndTheCounts()
    {
        using var dir = TestPaths.Temp();
        var project = Project(dir);
        Assert.Equal(0, CliRun.Invoke("import", TestPaths.Demo("habitat-demo.gpkg"), "--layer", "agencies", "--into", project, "--as", "agencies", "--replace").ExitCode);
        Assert.Equal(0, CliRun.Invoke("import", "--undo", project, "--as", "agencies").ExitCode);

        var audit = CliRun.Invoke("audit", project, "--json", "--limit", "2").Json().GetProperty("entries").EnumerateArray().ToList();

        Assert.Equal(["undo", "import"], audit.Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit, e => Assert.Equal(Environment.UserName, e.GetProperty("author").GetString()));
        Assert.Equal(10, audit[1].GetProperty("values").GetProperty("accepted").GetInt32());
        Assert.StartsWith("couche agencies remplacée : ", audit[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("couche agencies remise comme avant son dernier import", audit[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("court\n", "trop court")]
    [InlineData("\n", "entrée standard ne contient pas")]
    public void UsersAdd_BadPassword_Exit2AndNoAccount(string stdin, string reason)
    {
        using var dir = TestPaths.Temp();
        var project = Project(dir);

        var run = Run(stdin, "users", "add", project, "--name", "lea", "--password-stdin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Contains("aucun compte", CliRun.Invoke("users", "list", project).Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UsersAdd_UnknownRoleOrTakenName_Exit2WithTheReason()
    {
        using var dir = TestPaths.Temp();
        var project = Project(dir);
        Assert.Equal(0, Run("mot-de-passe-1\n", "users", "add", project, "--name", "lea", "--password-stdin").ExitCode);

        var role = Run("mot-de-passe-1\n", "users", "add", project, "--name", "max", "--role", "chef", "--password-stdin");
        var taken = Run("mot-de-passe-1\n", "users", "add", project, "--name", "LEA", "--password-stdin");
        var unknown = CliRun.Invoke("users", "remove", project, "--name", "personne");

        Assert.Equal((2, 2, 2), (role.ExitCode, taken.ExitCode, unknown.ExitCode));
        Assert.Contains("rôle « chef » inconnu", role.Error, StringComparison.Ordinal);
        Assert.Contains("existe déjà", taken.Error, StringComparison.Ordinal);
        Assert.Contains("aucun compte « personne »", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_OffLoopbackWithoutAccounts_RefusesToStartWithTheWayOut()
    {
        using var dir = TestPaths.Temp();
        var project = Project(dir);

        var run = CliRun.Invoke("serve", project, "--host", "0.0.0.0", "--port", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exige une connexion", run.Error, StringComparison.Ordinal);
        Assert.Contains("territory users add", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Carte de", run.Out, StringComparison.Ordinal);
    }

    /// <summary>A copy of the committed demo project.</summary>
    private static string Project(TempDir dir)
    {
        var path = dir.File("projet.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), path);
        return path;
    }

    private static CliRun Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, CliConsole.Captured(output, error) with { In = new StringReader(stdin) });
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
