using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>Site plans and rounds from the map server, on the demo project with its road graph (one server for the class: plans only read).</summary>
public sealed class PlanningApiTests(PlanningApiTests.Server server) : IClassFixture<PlanningApiTests.Server>
{
    /// <summary>One in-memory server over a demo copy for the read-only tests.</summary>
    public sealed class Server : IDisposable
    {
        public WebFactory Factory { get; } = new();

        public HttpClient Client { get; }

        public Server() => Client = Factory.App();

        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
        }
    }

    private static readonly string[] Sources = ["existing", "imported", "commune_main_town", "qpv_centre"];

    [Fact]
    public async Task Sites_FiveRelayPlacesWithin20Minutes_SitesEstatesAndFiguresAgree()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/sites", new { problem = "mclp", minutes = 20, count = 5 });

        Assert.Equal("done", job.GetProperty("state").GetString());
        Assert.Equal("sites", job.GetProperty("kind").GetString());
        var plan = job.GetProperty("sites");
        Assert.Equal("mclp", plan.GetProperty("problem").GetString());
        Assert.Equal("road_graph", plan.GetProperty("timeSource").GetString());
        Assert.False(plan.GetProperty("estimated").GetBoolean());
        var sites = plan.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(5, sites.Count);
        Assert.All(sites, s =>
        {
            Assert.Contains(s.GetProperty("source").GetString(), Sources);
            Assert.InRange(s.GetProperty("lon").GetDouble(), -5, 10);
            Assert.InRange(s.GetProperty("lat").GetDouble(), 41, 52);
        });
        var covered = plan.GetProperty("coveredDwellings").GetInt64();
        Assert.Equal(covered, sites.Sum(s => s.GetProperty("dwellings").GetInt64()));
        var total = plan.GetProperty("totalDwellings").GetInt64();
        Assert.InRange(covered, 1, total);
        Assert.Equal((double)covered / total, plan.GetProperty("coveredShare").GetDouble(), 6);
        Assert.True(plan.GetProperty("optimal").GetBoolean() || plan.GetProperty("gap").ValueKind == JsonValueKind.Number);
        Assert.False(string.IsNullOrWhiteSpace(plan.GetProperty("description").GetString()));

        // The estates' columns: one entry per estate; those served point at a chosen site, within T.
        var estates = plan.GetProperty("estates");
        var ids = estates.GetProperty("id").EnumerateArray().ToList();
        var project = await Json.Get(server.Client, "/api/project");
        Assert.Equal(project.GetProperty("counts").GetProperty("estates").GetInt32(), ids.Count);
        var site = estates.GetProperty("site").EnumerateArray().Select(x => x.GetInt32()).ToList();
        var minutes = estates.GetProperty("minutes").EnumerateArray().ToList();
        for (int i = 0; i < ids.Count; i++)
        {
            Assert.InRange(site[i], -1, 4);
            if (site[i] >= 0)
                Assert.InRange(minutes[i].GetDouble(), 0, 20.05);
        }
    }

    [Fact]
    public async Task Sites_KeepingTheNetwork_AddsTheNumberOfSitesAsked()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/sites", new { problem = "mclp", minutes = 20, keepExisting = true, newCount = 3 });

        var plan = job.GetProperty("sites");
        var sites = plan.GetProperty("sites").EnumerateArray().ToList();
        var agencies = (await Json.Features(server.Client, "/api/layers/agencies")).Count;
        Assert.Equal(agencies + 3, plan.GetProperty("requestedCount").GetInt32());
        Assert.Equal(3, sites.Count(s => !s.GetProperty("existing").GetBoolean()));
        Assert.All(sites.Where(s => s.GetProperty("existing").GetBoolean()), s => Assert.True(s.GetProperty("kept").GetBoolean()));
        Assert.Empty(plan.GetProperty("closedExisting").EnumerateArray());
    }

    [Fact]
    public async Task Sites_CoverEverythingWithin30Minutes_LeavesOnlyTheUncoverableOut()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/sites", new { problem = "lscp", minutes = 30 });

        var plan = job.GetProperty("sites");
        var uncoverable = plan.GetProperty("uncoverable").GetArrayLength();
        var notServed = plan.GetProperty("estates").GetProperty("site").EnumerateArray().Count(x => x.GetInt32() < 0);
        Assert.Equal(uncoverable, notServed);
        Assert.Equal(plan.GetProperty("count").GetInt32(), plan.GetProperty("sites").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("requestedCount").ValueKind);
    }

    [Theory]
    [InlineData("unknown problem", "{\"problem\":\"kmeans\",\"minutes\":20,\"count\":3}", "planmap_problem_unknown")]
    [InlineData("minutes zero", "{\"problem\":\"mclp\",\"minutes\":0,\"count\":3}", "planmap_minutes_required")]
    [InlineData("count zero", "{\"problem\":\"pmedian\",\"minutes\":20,\"count\":0}", "planmap_count_required")]
    [InlineData("count missing", "{\"problem\":\"pcenter\",\"minutes\":20}", "planmap_count_required")]
    [InlineData("no source", "{\"problem\":\"mclp\",\"minutes\":20,\"count\":3,\"sources\":{\"existing\":false,\"imported\":false,\"generated\":false}}", "planmap_no_source")]
    [InlineData("unknown kind", "{\"problem\":\"mclp\",\"minutes\":20,\"count\":3,\"kind\":\"kiosque\"}", "planmap_kind_unknown")]
    [InlineData("budget for pmedian", "{\"problem\":\"pmedian\",\"minutes\":20,\"count\":3,\"budget\":1000}", "planmap_budget_invalid")]
    public async Task Sites_BadInput_Is400WithItsReasonAndNoJob(string name, string body, string code)
    {
        _ = name;
        var response = await server.Client.PostAsync("/api/plan/sites", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sites_MoreSitesThanCandidates_FailsInTheMapsWords()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/sites",
            new { problem = "mclp", minutes = 20, count = 500, sources = new { existing = true, imported = false, generated = false } });

        Assert.Equal("failed", job.GetProperty("state").GetString());
        var problem = job.GetProperty("problem");
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("planning_count_exceeds_candidates", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("--", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rounds_FromThePlansSites_VisitEachStopOnceAWeekWithinTheDay()
    {
        var plan = await PlanningClient.RunAsync(server.Client, "/api/plan/sites", new { problem = "mclp", minutes = 20, count = 5, kind = "arret_agence_mobile" });
        var planId = plan.GetProperty("id").GetString();

        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/rounds", new { @base = "AG-NORD", plan = planId, days = 5, stopMinutes = 90, dayHours = 7 });

        Assert.Equal("done", job.GetProperty("state").GetString());
        var round = job.GetProperty("round");
        Assert.Equal("AG-NORD", round.GetProperty("baseId").GetString());
        var days = round.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(5, days.Count);
        var visited = days.SelectMany(d => d.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("id").GetString())).ToList();
        var unplanned = round.GetProperty("unplanned").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToList();
        // The plan's new sites are the stops; a point of today's network it kept is not one.
        var planned = plan.GetProperty("sites").GetProperty("sites").EnumerateArray().Where(s => !s.GetProperty("existing").GetBoolean())
            .Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(planned);
        Assert.Equal(planned.Order(), visited.Concat(unplanned).Order());
        Assert.Equal(visited.Count, visited.Distinct().Count());
        foreach (var day in days)
        {
            double last = 0;
            foreach (var stop in day.GetProperty("stops").EnumerateArray())
            {
                Assert.True(stop.GetProperty("arriveMinutes").GetDouble() >= last);
                Assert.Equal(90, stop.GetProperty("departMinutes").GetDouble() - stop.GetProperty("arriveMinutes").GetDouble(), 6);
                last = stop.GetProperty("departMinutes").GetDouble();
            }
            Assert.InRange(day.GetProperty("workMinutes").GetDouble(), 0, 7 * 60 + 1e-6);
        }
        Assert.Equal(days.Sum(d => d.GetProperty("driveMinutes").GetDouble()), round.GetProperty("driveMinutesTotal").GetDouble(), 6);
    }

    [Fact]
    public async Task Rounds_StartAndFortnightlyStop_ClockTimesFrequenciesAndRoadLegs()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/rounds",
            new { @base = "AG-NORD", stops = new[] { "AG-ANT1", "AG-ANT2", "AG-RELAIS" }, fortnightly = new[] { "AG-ANT2" }, start = "07:45", days = 3, timeLimit = 2 });

        var round = job.GetProperty("round");
        Assert.Equal("07:45", round.GetProperty("dayStart").GetString());
        Assert.Equal(2, round.GetProperty("weeks").GetInt32());
        Assert.True(round.GetProperty("legsOnRoads").GetBoolean());
        var stops = round.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("stops").EnumerateArray()).ToList();
        Assert.Single(stops, s => s.GetProperty("id").GetString() == "AG-ANT2");
        Assert.Equal(2, stops.Count(s => s.GetProperty("id").GetString() == "AG-ANT1"));
        Assert.All(stops, s =>
        {
            var clock = TimeOnly.ParseExact(s.GetProperty("arrive").GetString()!, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(7 * 60 + 45 + Math.Round(s.GetProperty("arriveMinutes").GetDouble(), MidpointRounding.AwayFromZero), clock.Hour * 60 + clock.Minute);
            Assert.Equal(s.GetProperty("id").GetString() == "AG-ANT2" ? "fortnightly" : "weekly", s.GetProperty("frequency").GetString());
        });
        foreach (var day in round.GetProperty("days").EnumerateArray())
        {
            var legs = day.GetProperty("legs").EnumerateArray().ToList();
            if (day.GetProperty("stops").GetArrayLength() == 0) { Assert.Empty(legs); Assert.Equal("07:45", day.GetProperty("end").GetString()); continue; }
            Assert.Equal(day.GetProperty("stops").GetArrayLength() + 1, legs.Count);
            Assert.All(legs, l => Assert.True(l.GetProperty("line").GetArrayLength() > 2, "a road leg has its path's vertices"));
            Assert.Equal("AG-NORD", legs[0].GetProperty("from").GetString());
            Assert.Equal("AG-NORD", legs[^1].GetProperty("to").GetString());
        }
    }

    [Fact]
    public async Task Sites_CleanSlateLscp_ClosedPointsWithStaffNotesAndKeepingAnswer()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/sites", new { problem = "lscp", minutes = 30, keepExisting = false });

        var plan = job.GetProperty("sites");
        Assert.True(plan.GetProperty("fromCleanSlate").GetBoolean());
        var closed = plan.GetProperty("closedExisting").EnumerateArray().ToList();
        Assert.NotEmpty(closed);
        Assert.Contains(closed, c => c.GetProperty("staffTotal").ValueKind == JsonValueKind.Number && c.GetProperty("staffTotal").GetDouble() > 0);
        var alt = plan.GetProperty("keepExistingAlternative");
        Assert.Equal(alt.GetProperty("count").GetInt32() - alt.GetProperty("kept").GetInt32(), alt.GetProperty("added").GetInt32());
        var notes = plan.GetProperty("notes").EnumerateArray().ToList();
        var staffed = notes.Single(n => n.GetProperty("code").GetString() == "plan3_staffed_warning");
        Assert.True(staffed.GetProperty("warning").GetBoolean());
        Assert.Contains("personnes déclarées en tout", staffed.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(notes, n => n.GetProperty("code").GetString() == "plan3_keep_alternative");
    }

    [Fact]
    public async Task Sites_Budget_ReportedWithTheYearlyCost()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/sites", new { problem = "mclp", minutes = 20, count = 3, budget = 1000 });

        var plan = job.GetProperty("sites");
        Assert.Equal(1000, plan.GetProperty("budget").GetDouble());
        Assert.InRange(plan.GetProperty("yearlyCost").GetDouble(), 0, 1000);
        Assert.Contains(plan.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() is "plan3_cost_budget");
    }

    [Theory]
    [InlineData("unknown base", "{\"base\":\"AG-NOWHERE\",\"stops\":[\"AG-SUD\"]}", "planmap_base_unknown")]
    [InlineData("no stops", "{\"base\":\"AG-NORD\"}", "planmap_rounds_no_stops")]
    [InlineData("zero days", "{\"base\":\"AG-NORD\",\"stops\":[\"AG-SUD\"],\"days\":0}", "planmap_round_settings")]
    [InlineData("bad start", "{\"base\":\"AG-NORD\",\"stops\":[\"AG-SUD\"],\"start\":\"8 heures\"}", "planmap_round_start_invalid")]
    [InlineData("bad frequency", "{\"base\":\"AG-NORD\",\"stops\":[\"AG-SUD\"],\"frequency\":\"monthly\"}", "planmap_round_frequency_invalid")]
    public async Task Rounds_BadInput_Is400WithItsReason(string name, string body, string code)
    {
        _ = name;
        var response = await server.Client.PostAsync("/api/plan/rounds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rounds_UnknownStopId_FailsWithTheStopNamed()
    {
        var response = await server.Client.PostAsJsonAsync("/api/plan/rounds", new { @base = "AG-NORD", stops = new[] { "NOPE-1" } });

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("rounds_stop_unknown", problem.GetProperty("code").GetString());
        Assert.Contains("NOPE-1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_Unknown_Is404()
    {
        var response = await server.Client.GetAsync("/api/plan/jobs/000000000000");

        var problem = await Json.Problem(response, HttpStatusCode.NotFound);
        Assert.Equal("planmap_job_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Job_ReadInEnglish_DescribesThePlanInEnglish()
    {
        var job = await PlanningClient.RunAsync(server.Client, "/api/plan/sites", new { problem = "pmedian", minutes = 30, count = 3 });

        var english = await Json.Get(server.Client, $"/api/plan/jobs/{job.GetProperty("id").GetString()}?lang=en");

        var french = job.GetProperty("sites").GetProperty("description").GetString()!;
        var description = english.GetProperty("sites").GetProperty("description").GetString()!;
        Assert.Contains("logements", french, StringComparison.Ordinal);
        Assert.DoesNotContain("logement", description, StringComparison.Ordinal);
        Assert.Contains("dwellings", description, StringComparison.Ordinal);
        Assert.True(english.GetProperty("sites").GetProperty("meanMinutes").GetDouble() > 0);
    }
}
