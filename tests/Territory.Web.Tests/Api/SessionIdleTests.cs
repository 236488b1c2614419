using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Territory.Web.State;
using Territory.Web.Tests.Support;
using static Territory.Web.Tests.Support.AuthAccounts;

namespace Territory.Web.Tests.Api;

/// <summary>Unsaved scenarios of users who went away are let go after the idle limit (a clock moved by the test); the one who comes back is told once.</summary>
public sealed class SessionIdleTests
{
    [Fact]
    public async Task EvictIdle_UserAwayPastTheLimit_ScenarioLetGoToldOnceNamedScenarioKept()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        // Tokens outlive the hours the clock is moved by: what is tested is the scenario, not the sign-in.
        using var factory = new WebFactory { Clock = clock, WatchInterval = TimeSpan.Zero, Settings = new Dictionary<string, string> { ["Auth:TokenLifetime"] = "30.00:00:00" } };
        Seed(factory.ProjectPath);
        using var paul = await As(factory, Planner);
        using var ada = await As(factory, Admin);
        var (lon, lat) = await ScenarioApiTests.FarthestEstate(paul);
        Assert.Equal(HttpStatusCode.Created, (await paul.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais de Paul", kind = "lieu_relais", lon, lat })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await paul.PostAsJsonAsync("/api/scenarios", new { name = "Gardé" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ada.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais d'Ada", kind = "lieu_relais", lon, lat })).StatusCode);
        var session = factory.Services.GetRequiredService<ProjectSession>();
        Assert.Equal(TimeSpan.FromHours(8), session.IdleLimit);

        clock.Advance(TimeSpan.FromHours(7));
        Assert.True((await Json.Get(ada, "/api/scenario")).GetProperty("dirty").GetBoolean());
        Assert.Equal(0, await session.EvictIdleAsync());
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await session.EvictIdleAsync());

        Assert.Equal(1, session.Workspaces);
        Assert.True((await Json.Get(ada, "/api/scenario")).GetProperty("dirty").GetBoolean());
        var me = await Json.Get(paul, "/api/auth/me");
        Assert.Equal("session_scenario_evicted", me.GetProperty("noticeCode").GetString());
        Assert.Equal("Votre scénario non enregistré (1\u00a0modification) a été abandonné après 9 h sans activité de votre part, pour libérer le serveur. "
            + "Vos scénarios nommés sont conservés dans le projet : rouvrez-les depuis l'onglet Scénario.", me.GetProperty("notice").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Json.Get(paul, "/api/auth/me")).GetProperty("notice").ValueKind);
        Assert.False((await Json.Get(paul, "/api/scenario")).GetProperty("dirty").GetBoolean());
        var named = (await Json.Get(paul, "/api/scenarios")).GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Contains("Gardé", named);
    }

    [Fact]
    public async Task EvictIdle_LimitZero_KeepsEveryScenario()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var factory = new WebFactory
        {
            Clock = clock, WatchInterval = TimeSpan.Zero,
            Settings = new Dictionary<string, string> { ["Auth:TokenLifetime"] = "30.00:00:00", ["SessionIdleTime"] = "00:00:00" },
        };
        Seed(factory.ProjectPath);
        using var paul = await As(factory, Planner);
        var (lon, lat) = await ScenarioApiTests.FarthestEstate(paul);
        Assert.Equal(HttpStatusCode.Created, (await paul.PostAsJsonAsync("/api/scenario/agencies", new { name = "Relais", kind = "lieu_relais", lon, lat })).StatusCode);
        clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await factory.Services.GetRequiredService<ProjectSession>().EvictIdleAsync());
        Assert.True((await Json.Get(paul, "/api/scenario")).GetProperty("dirty").GetBoolean());
    }
}
