using System.Text.Json;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Store.Results;
using Territory.Web.Hosting;
using Territory.Web.State;
using Territory.Web.Tests.Support;

namespace Territory.Web.Tests.Api;

/// <summary>The map server starts from the analysis stored in the project, and recomputes what another program's commit changed.</summary>
public sealed class StoredAnalysisSessionTests
{
    [Fact]
    public void Load_AnalysisStoredByAnEarlierStart_ReadsItEqualToTheComputedOne()
    {
        using var project = DemoProject.Copy();
        using var first = Load(project.Path);
        using var second = Load(project.Path);

        Assert.False(first.LastLoad!.AnalysisReused);
        Assert.True(second.LastLoad!.AnalysisReused);
        Assert.True(second.LastLoad.ReviewReused);
        Assert.Equal(Json(AnalysisPayload.Of(first.Saved.Analysis)), Json(AnalysisPayload.Of(second.Saved.Analysis)));
        Assert.Equal(Json(first.Saved.Review), Json(second.Saved.Review));
        Assert.Equal(first.Saved.Coverage, second.Saved.Coverage);
    }

    [Fact]
    public async Task Reload_AnotherProgramChangedTheCommunes_KeepsTheReviewRecomputesTheAnalysis()
    {
        using var project = DemoProject.Copy();
        using var session = Load(project.Path);
        using (var store = ProjectStores.Open(project.Path))
        {
            var communes = store.ReadCommunes().ToList();
            communes[0] = communes[0] with { Population = (communes[0].Population ?? 0) + 30_000 };
            store.ImportLayer(new ImportResult { Kind = LayerKind.Communes, SourcePath = "qgis", SourceCrs = 2154, TargetCrs = 2154, Read = communes.Count, Communes = communes },
                new LayerWriteOptions());
        }

        Assert.True(await session.ReloadAsync(CancellationToken.None));

        Assert.False(session.LastLoad!.AnalysisReused);
        Assert.True(session.LastLoad.ReviewReused);
        Assert.Equal(["communes"], session.LastLoad.Changed);
        using var fresh = new ProjectSession(new WebOptions { Project = project.Path }, new ProgressHub());
        fresh.Load();
        Assert.True(fresh.LastLoad!.AnalysisReused);
        Assert.Equal(Json(AnalysisPayload.Of(session.Saved.Analysis)), Json(AnalysisPayload.Of(fresh.Saved.Analysis)));
    }

    [Fact]
    public async Task ScenarioEdits_IncrementalState_EqualsAFullComputation()
    {
        using var project = DemoProject.Copy();
        using var session = Load(project.Path);
        var estate = session.Saved.Data.Estates[100];
        var (lon, lat) = session.Saved.ToWgs84.Transform(estate.Geometry.Centroid.X, estate.Geometry.Centroid.Y);
        var untouched = session.Saved.Data.Agencies[0].Id;

        await session.AddAsync("Antenne du marché", Territory.Core.Model.AgencyKind.Antenne, lon, lat, CancellationToken.None);
        AssertAsComputedInFull(session);
        // Only the territories the new point changes were computed again; the others kept their indicators and plan.
        var before = session.Saved.Analysis.Territories.ToDictionary(t => t.Id);
        var kept = session.Current.Analysis.Territories.Count(t => ReferenceEquals(t.Indicators, before[t.Id].Indicators) && ReferenceEquals(t.Plan, before[t.Id].Plan));
        Assert.InRange(kept, 1, session.Current.Analysis.Territories.Count - 1);
        await session.MoveAsync(session.Saved.Data.Agencies[1].Id, lon + 0.01, lat - 0.01, CancellationToken.None);
        AssertAsComputedInFull(session);
        await session.RemoveAsync(session.Saved.Data.Agencies[2].Id, CancellationToken.None);
        AssertAsComputedInFull(session);

        // The rows of points the edits did not touch are the saved state's own.
        var saved = session.Saved.Review!.Matrix!;
        var current = session.Current.Review!.Matrix!;
        var row = current.AgencyIds.ToList().IndexOf(untouched);
        Assert.Equal(saved.Row(saved.AgencyIds.ToList().IndexOf(untouched)).ToArray(), current.Row(row).ToArray());
    }

    private static void AssertAsComputedInFull(ProjectSession session)
    {
        var current = session.Current;
        var full = ProjectAnalysis.Run(null, current.Data, session.Graph, null, session.Config);
        Assert.Equal(Json(full.Review), Json(current.Review));
        Assert.Equal(Json(AnalysisPayload.Of(full.Analysis)), Json(AnalysisPayload.Of(current.Analysis)));
    }

    private static ProjectSession Load(string path)
    {
        var session = new ProjectSession(new WebOptions { Project = path }, new ProgressHub());
        session.Load();
        return session;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PayloadJson.Options);
}
