using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Web.Hosting;
using Territory.Web.Tests.Support;
using static Territory.Web.Tests.Support.AuthAccounts;

namespace Territory.Web.Tests.Api;

/// <summary>Signed-in users writing: one scenario each, the reference save audited under its author, 409 on a stale save, account changes.</summary>
public sealed class AuthScenarioTests
{
    [Fact]
    public async Task TwoUsers_EditAtOnce_EachSeesOnlyTheirOwnScenario()
    {
        using var factory = Factory();
        using var paul = await As(factory, Planner);
        using var ada = await As(factory, Admin);
        var (lon, lat) = await ScenarioApiTests.FarthestEstate(paul);

        var added = await Task.WhenAll(
            paul.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais de Paul", kind = "lieu_relais", lon, lat }),
            ada.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais d'Ada", kind = "lieu_relais", lon = lon + 0.01, lat }));

        Assert.All(added, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var paulLayer = await Json.Features(paul, "/api/layers/agencies");
        var adaLayer = await Json.Features(ada, "/api/layers/agencies");
        Assert.Contains(paulLayer, f => Json.Str(f, "name") == "Relais de Paul");
        Assert.DoesNotContain(paulLayer, f => Json.Str(f, "name") == "Relais d'Ada");
        Assert.Contains(adaLayer, f => Json.Str(f, "name") == "Relais d'Ada");
        Assert.DoesNotContain(adaLayer, f => Json.Str(f, "name") == "Relais de Paul");
        var paulId = Assert.Single((await Json.Get(paul, "/api/scenario")).GetProperty("changes").EnumerateArray()).GetProperty("agencyId").GetString();
        var adaId = Assert.Single((await Json.Get(ada, "/api/scenario")).GetProperty("changes").EnumerateArray()).GetProperty("agencyId").GetString();
        Assert.NotEqual(paulId, adaId);

        // Ada saves hers as the reference network: Paul keeps his own scenario, now over Ada's point.
        Assert.Equal(HttpStatusCode.OK, (await ada.PostAsync("/api/scenario/save", null)).StatusCode);
        Assert.False((await Json.Get(ada, "/api/scenario")).GetProperty("dirty").GetBoolean());
        var paulAfter = await Json.Features(paul, "/api/layers/agencies");
        Assert.Contains(paulAfter, f => Json.Str(f, "name") == "Relais d'Ada" && Json.Str(f, "status") == "saved");
        Assert.Contains(paulAfter, f => Json.Str(f, "name") == "Relais de Paul" && Json.Str(f, "status") == "added");

        // Paul discards his: Ada's saved state is untouched.
        Assert.Equal(HttpStatusCode.OK, (await paul.PostAsync("/api/scenario/discard", null)).StatusCode);
        Assert.DoesNotContain(await Json.Features(paul, "/api/layers/agencies"), f => Json.Str(f, "name") == "Relais de Paul");
    }

    [Fact]
    public async Task NamedScenarios_PrivateToTheirAuthorUnlessShared()
    {
        using var factory = Factory();
        using var paul = await As(factory, Planner);
        using var ada = await As(factory, Admin);
        using var lea = await As(factory, Reader);
        var (lon, lat) = await ScenarioApiTests.FarthestEstate(paul);
        Assert.Equal(HttpStatusCode.Created, (await paul.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais privé", kind = "lieu_relais", lon, lat })).StatusCode);

        var mine = await paul.PostAsJsonAsync("/api/scenarios", new { name = "Brouillon de Paul" });
        var ours = await paul.PostAsJsonAsync("/api/scenarios", new { name = "Proposition commune", shared = true });

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ours.StatusCode);
        Assert.Equal(["Brouillon de Paul", "Proposition commune"], await Names(paul));
        Assert.Equal(["Proposition commune"], await Names(ada));
        Assert.Equal(["Proposition commune"], await Names(lea));
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync("/api/scenarios/Brouillon de Paul")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.DeleteAsync("/api/scenarios/Brouillon de Paul")).StatusCode);
        Assert.Equal("paul", (await Json.Get(ada, "/api/scenarios/Proposition commune")).GetProperty("scenario").GetProperty("author").GetString());

        // Ada's own edits may not take the name of Paul's scenario; she may delete the shared one.
        Assert.Equal(HttpStatusCode.Created, (await ada.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais d'Ada", kind = "lieu_relais", lon, lat })).StatusCode);
        var taken = await ada.PostAsJsonAsync("/api/scenarios", new { name = "Brouillon de Paul", overwrite = true });
        Assert.Equal("auth_scenario_not_yours", (await Json.Problem(taken, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await ada.DeleteAsync("/api/scenarios/Proposition commune")).StatusCode);
        Assert.Equal(["Brouillon de Paul"], await Names(paul));

        // Opening one makes it the opener's current scenario only.
        Assert.Equal(HttpStatusCode.OK, (await paul.PostAsync("/api/scenario/discard", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await paul.PostAsync("/api/scenarios/Brouillon de Paul/open", null)).StatusCode);
        Assert.Contains(await Json.Features(paul, "/api/layers/agencies"), f => Json.Str(f, "name") == "Relais privé");
        Assert.DoesNotContain(await Json.Features(ada, "/api/layers/agencies"), f => Json.Str(f, "name") == "Relais privé");
        Assert.Equal(HttpStatusCode.Forbidden, (await paul.PostAsync("/api/scenarios/Brouillon de Paul/apply", null)).StatusCode);

        static async Task<List<string?>> Names(HttpClient client) =>
            (await Json.Get(client, "/api/scenarios")).GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task ReferenceSave_IsAuditedUnderTheSignedInAdministrator()
    {
        using var factory = Factory();
        using var ada = await As(factory, Admin);
        var (lon, lat) = await ScenarioApiTests.FarthestEstate(ada);
        Assert.Equal(HttpStatusCode.Created, (await ada.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais audité", kind = "lieu_relais", lon, lat })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ada.PostAsync("/api/scenario/save", null)).StatusCode);

        var audit = await Json.Get(ada, "/api/audit");
        var import = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "import");
        Assert.Equal(("ada", "agencies"), (import.GetProperty("author").GetString(), import.GetProperty("target").GetString()));
        Assert.StartsWith("couche agencies remplacée : 10 → 11\u00a0entités", import.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceSave_AfterAnotherCommit_Is409AndTheUsersScenarioIsKept()
    {
        using var factory = new WebFactory { WatchInterval = TimeSpan.Zero };
        Seed(factory.ProjectPath);
        using var ada = await As(factory, Admin);
        var (lon, lat) = await ScenarioApiTests.FarthestEstate(ada);
        var added = await ada.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais gardé", kind = "lieu_relais", lon, lat });
        var seen = long.Parse(added.Headers.GetValues(VersionHeader.DataHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        var behind = CommitBehindTheServer(factory.ProjectPath);

        var save = new HttpRequestMessage(HttpMethod.Post, "/api/scenario/save");
        save.Headers.Add(VersionHeader.DataHeader, seen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await ada.SendAsync(save);

        var problem = await Json.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("project_changed_save", problem.GetProperty("code").GetString());
        var state = await Json.Get(ada, "/api/scenario");
        Assert.True(state.GetProperty("dirty").GetBoolean());
        Assert.Equal(behind, state.GetProperty("dataVersion").GetInt64());
        using var store = ProjectStores.Open(factory.ProjectPath);
        Assert.Equal(behind, store.DataVersion);
        Assert.DoesNotContain(store.ReadAgencies(), a => a.Name == "Relais gardé");
    }

    [Fact]
    public async Task UsersApi_AddChangeRemove_TakeEffectAtOnceAndAreAudited()
    {
        using var factory = Factory();
        using var ada = await As(factory, Admin);

        var created = await ada.PostAsJsonAsync("/api/users", new { name = "Nouveau.Venu", role = "planification", password = "un-mot-de-passe" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var newcomer = Anonymous(factory);
        var token = await newcomer.PostAsJsonAsync("/api/auth/token", new { name = "nouveau.venu", password = "un-mot-de-passe" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        newcomer.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/api/project")).StatusCode);

        // A new password ends the sessions and tokens given for the old one.
        Assert.Equal(HttpStatusCode.OK, (await ada.PutAsJsonAsync("/api/users/nouveau.venu", new { password = "un-autre-mot-de-passe" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await newcomer.GetAsync("/api/project")).StatusCode);
        using var reader = await As(factory, Reader);
        Assert.Equal(HttpStatusCode.OK, (await ada.PutAsJsonAsync("/api/users/lea", new { role = "administration" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.DeleteAsync("/api/users/lea")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/project")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.DeleteAsync("/api/users/lea")).StatusCode);

        var audit = (await Json.Get(ada, "/api/audit")).EnumerateArray()
            .Where(e => e.GetProperty("author").GetString() == "ada" && e.GetProperty("action").GetString()!.StartsWith("user_", StringComparison.Ordinal)).ToList();
        Assert.Equal(["user_remove", "user_change", "user_change", "user_add"], audit.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("compte « lea » : rôle lecture → administration", audit[1].GetProperty("text").GetString());
        var bad = await ada.PostAsJsonAsync("/api/users", new { name = "court", password = "court" });
        Assert.Equal("auth_password_too_short", (await Json.Problem(bad, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Token_AfterFiveWrongPasswords_Is429WithRetryAfterEvenWithTheRightOne()
    {
        using var factory = Factory();
        using var client = Anonymous(factory);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/token", new { name = Reader, password = "devine-" + i })).StatusCode);

        var response = await client.PostAsJsonAsync("/api/auth/token", new { name = Reader, password = Password(Reader) });

        var problem = await Json.Problem(response, HttpStatusCode.TooManyRequests);
        Assert.Equal("auth_paused", problem.GetProperty("code").GetString());
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 30);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new { name = Planner, password = Password(Planner) })).StatusCode);
    }

    [Fact]
    public async Task Loopback_WithoutAccounts_NeedsNoSignIn()
    {
        using var factory = new WebFactory();
        using var client = Anonymous(factory);

        var me = await Json.Get(client, "/api/auth/me");

        Assert.False(me.GetProperty("signInRequired").GetBoolean());
        Assert.Equal("administration", me.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public void Build_OffLoopbackWithoutAccounts_RefusesWithTheFrenchReason()
    {
        using var project = DemoProject.Copy();

        var e = Assert.Throws<WebStartupException>(() => TerritoryWebApp.Build([], o => { o.Project = project.Path; o.Host = "0.0.0.0"; o.Port = 0; }));

        Assert.StartsWith("la carte ouverte au réseau (0.0.0.0) exige une connexion", e.Message, StringComparison.Ordinal);
    }

    private static WebFactory Factory()
    {
        var factory = new WebFactory();
        Seed(factory.ProjectPath);
        return factory;
    }

    /// <summary>Another program appends an agency (the command line, QGIS): the data version moves on.</summary>
    private static long CommitBehindTheServer(string project)
    {
        using var store = ProjectStores.Open(project);
        var crs = store.WorkingCrs!.Value;
        var first = store.ReadAgencies()[0];
        var agency = first with { Id = "CLI-9", Name = "Agence de la ligne de commande", Location = (Point)first.Location.Copy() };
        return store.ImportLayer(new ImportResult
        {
            Kind = LayerKind.Agencies, SourcePath = "cli.geojson", SourceCrs = crs, TargetCrs = crs, Read = 1, Agencies = [agency],
        }, LayerWriteOptions.AppendRows).DataVersion;
    }
}
