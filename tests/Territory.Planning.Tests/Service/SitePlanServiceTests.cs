using System.Diagnostics;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.Planning.Location;
using Territory.Planning.Service;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Planning.Tests.Service;

public sealed class SitePlanServiceTests
{
    [Fact]
    public void Plan_UserMatrix_SitesCarrySourceWgs84PositionAndServedDwellings()
    {
        var data = ServiceTestData.Data();
        var matrix = Path.GetTempFileName();
        File.WriteAllText(matrix, "estate_id;site_id;seconds\nE1;A1;30\nE2;S1;30\nE3;S1;280\nE3;S2;30\n");
        var progress = new List<PlanningProgress>();
        var result = SitePlanService.Plan(data, null, new SitePlanOptions
        {
            Problem = PlanningProblem.Mclp, Minutes = 5, Count = 2, CostMatrixPath = matrix, Sources = new CandidateSelection { Generated = false },
        }, new SyncProgress(progress.Add));

        Assert.Equal(["A1", "S1"], result.Sites.Select(s => s.Id).Order().ToArray());
        Assert.Equal(160, result.CoveredDwellings);
        Assert.True(result.Optimal);
        Assert.Equal("user_file", result.TimeSource);
        var s1 = result.Sites.Single(s => s.Id == "S1");
        Assert.Equal("imported", s1.Source);
        Assert.Equal("lieu_relais", s1.Kind);
        Assert.Equal(60, s1.Dwellings);
        Assert.InRange(s1.Lon, 1, 3);
        Assert.InRange(s1.Lat, 43, 45);
        Assert.Equal("existing", result.Sites.Single(s => s.Id == "A1").Source);
        Assert.Equal("S1", result.Assignments.Single(a => a.EstateId == "E3").SiteId);
        Assert.Empty(result.ClosedExisting);
        Assert.Equal([PlanningStage.Candidates, PlanningStage.Matrix, PlanningStage.Solve], progress.Select(p => p.Stage).Distinct().ToArray());
        Assert.All(progress.GroupBy(p => p.Stage), g => Assert.Equal(1, g.Last().Fraction));
    }

    [Theory]
    [InlineData(0, 20, PlanningErrorCodes.CountInvalid)]
    [InlineData(2, 0, PlanningErrorCodes.MinutesInvalid)]
    [InlineData(9, 20, PlanningErrorCodes.CountExceedsCandidates)]
    public void Plan_BadOption_ThrowsItsCode(int count, double minutes, string code)
    {
        var e = Assert.Throws<PlanningException>(() => SitePlanService.Plan(ServiceTestData.Data(), null,
            new SitePlanOptions { Problem = PlanningProblem.Mclp, Minutes = minutes, Count = count }));
        Assert.Equal(code, e.Code);
        Assert.DoesNotContain("_", e.Reason.Render(Lang.Fr).Replace("--", "", StringComparison.Ordinal).Split(' ').First());
    }

    [Fact]
    public void Plan_NoCandidateSelected_ThrowsNoCandidates() =>
        Assert.Equal(PlanningErrorCodes.NoCandidates, Assert.Throws<PlanningException>(() => SitePlanService.Plan(ServiceTestData.Data(), null,
            new SitePlanOptions { Problem = PlanningProblem.Lscp, Minutes = 20, Sources = new CandidateSelection { Existing = false, ImportedLayer = false, Generated = false } })).Code);

    [Fact]
    public void SitePlanScenario_FreeToClose_AddsNewSitesClosesTheOthersAndRoundTripsThroughTheGeoPackage()
    {
        var data = ServiceTestData.Data();
        var matrix = Path.GetTempFileName();
        File.WriteAllText(matrix, "estate_id;site_id;seconds\nE1;S1;200\nE2;S1;30\nE3;S2;30\nE1;A1;30\n");
        var plan = SitePlanService.Plan(data, null, new SitePlanOptions { Problem = PlanningProblem.PMedian, Minutes = 5, Count = 2, CostMatrixPath = matrix, Sources = new CandidateSelection { Generated = false } });
        var scenario = SitePlanScenario.From(plan, "plan médian", "tests", 2154, saved: data.Agencies);
        Assert.All(scenario.Changes.Where(c => c.Op == ScenarioOp.Close), c => Assert.Equal((AgencyKind.Agence, "Agence"), (c.Kind, c.Name)));
        Assert.Equal("plan", scenario.Source);
        Assert.Contains("réduire le temps moyen", scenario.Description);
        var network = scenario.Apply(data.Agencies);
        Assert.Equal(plan.Sites.Select(s => s.Id).Order(), network.Select(a => a.Id).Order());
        Assert.All(network.Where(a => a.Id != "A1"), a => Assert.Equal(AgencyKind.LieuRelais, a.Kind));

        var path = Path.Combine(Path.GetTempPath(), $"plan-scenario-{Guid.NewGuid():N}.gpkg");
        try
        {
            ServiceTestData.Write(data, path);
            using (var store = GeoPackageProjectStore.Open(path))
            {
                store.SaveScenario(scenario, overwrite: false);
                var read = store.ReadScenario("plan médian")!;
                Assert.Equal(scenario.Changes.Select(c => (c.Op, c.AgencyId, c.Kind)), read.Changes.Select(c => (c.Op, c.AgencyId, c.Kind)));
                Assert.Equal(scenario.Changes.Where(c => c.Location is not null).Select(c => c.Location!.X), read.Changes.Where(c => c.Location is not null).Select(c => c.Location!.X));
            }
            OgrInfoValidates(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SitePlanStore_ValidAtItsVersion_StaleOnceTheLayersChange()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plan-store-{Guid.NewGuid():N}.gpkg");
        try
        {
            var data = ServiceTestData.Data();
            ServiceTestData.Write(data, path);
            using var store = GeoPackageProjectStore.Open(path);
            var read = ProjectData.Read(store);
            var plan = SitePlanService.Plan(read, null, new SitePlanOptions { Problem = PlanningProblem.Lscp, Minutes = 30, Sources = new CandidateSelection { Generated = false } });
            SitePlanStore.Write(store, plan);
            var again = SitePlanStore.Read(store)!;
            Assert.Equal(plan.Sites.Select(s => s.Id), again.Sites.Select(s => s.Id));
            Assert.Equal(plan.CoveredDwellings, again.CoveredDwellings);
            Assert.Equal(store.DataVersion, read.DataVersion);
            var placements = SitePlanStore.Placements(again);
            Assert.All(placements, p => Assert.Equal(AgencyKind.LieuRelais, p.Kind));
            ServiceTestData.Import(store, LayerKind.Candidates, data, r => r with { Candidates = data.Candidates });
            Assert.Null(SitePlanStore.Read(store));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>GDAL reads the project with its scenarios without a warning; missing ogrinfo skips locally and fails under CI.</summary>
    private static void OgrInfoValidates(string path)
    {
        var ogrinfo = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "ogrinfo")).FirstOrDefault(File.Exists);
        if (ogrinfo is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "ogrinfo is required when CI=true.");
            return;
        }
        var start = new ProcessStartInfo(ogrinfo) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ro", "-al", "-so", path }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("", error.Result.Trim());
        Assert.Contains("scenario_changes", output);
    }

    private sealed class SyncProgress(Action<PlanningProgress> report) : IProgress<PlanningProgress>
    {
        public void Report(PlanningProgress value) => report(value);
    }
}
