using System.Text.Json;
using Territory.Core.Model;
using Territory.Core.Typology;
using Territory.IO.Import;
using Territory.Store.GeoPackage;
using Territory.Store.Results;

namespace Territory.Store.Tests.Results;

/// <summary>The stored review and analysis: reused while every input is unchanged, recomputed when any of them changes.</summary>
public sealed class ProjectAnalysisTests : IDisposable
{
    private const string Graph = "graph-a";
    private readonly DemoProjectCopy _copy = new();

    private string Project => _copy.Path;

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void Run_InputsUnchanged_ReadsBothFromTheStoreEqualToTheComputedOnes()
    {
        var first = Run();
        var second = Run();

        Assert.False(first.AnalysisReused);
        Assert.False(first.ReviewReused);
        Assert.True(second.AnalysisReused);
        Assert.True(second.ReviewReused);
        Assert.Empty(second.Changed);
        Assert.Equal(Json(AnalysisPayload.Of(first.Analysis)), Json(AnalysisPayload.Of(second.Analysis)));
        Assert.Equal(Json(first.Review), Json(second.Review));
        Assert.Equal(first.Analysis.Input.NearestPresence!.Count, second.Analysis.Input.NearestPresence!.Count);
    }

    [Theory]
    [InlineData("estates", false)]
    [InlineData("agencies", false)]
    [InlineData("communes", true)]
    [InlineData("qpv", true)]
    [InlineData("config", true)]
    [InlineData("graph", false)]
    public void Run_OneInputChanged_RecomputesWhatDependsOnIt(string input, bool reviewKept)
    {
        Run();
        var config = TypologyConfig.Default;
        var graph = Graph;
        using (var store = GeoPackageProjectStore.Open(Project))
        {
            switch (input)
            {
                case "estates":
                    var estates = store.ReadEstates().ToList();
                    estates[0] = estates[0] with { Dwellings = estates[0].Dwellings + 1 };
                    store.ImportLayer(Import(LayerKind.Estates, estates.Count) with { Estates = estates }, new LayerWriteOptions());
                    break;
                case "agencies":
                    var agencies = store.ReadAgencies().ToList();
                    agencies[0] = agencies[0] with { Staff = (agencies[0].Staff ?? 0) + 1 };
                    store.ImportLayer(Import(LayerKind.Agencies, agencies.Count) with { Agencies = agencies }, new LayerWriteOptions());
                    break;
                case "communes":
                    var communes = store.ReadCommunes().ToList();
                    communes[0] = communes[0] with { Population = (communes[0].Population ?? 0) + 1 };
                    store.ImportLayer(Import(LayerKind.Communes, communes.Count) with { Communes = communes }, new LayerWriteOptions());
                    break;
                case "qpv":
                    var districts = store.ReadDistricts().ToList();
                    districts[0] = districts[0] with { Name = districts[0].Name + " (nouveau nom)" };
                    store.ImportLayer(Import(LayerKind.Qpv, districts.Count) with { Districts = districts }, new LayerWriteOptions());
                    break;
                case "config":
                    config = new TypologyConfig { Travel = new TravelSettings { IsolationRadiusMeters = TypologyConfig.Default.Travel.IsolationRadiusMeters + 100 } };
                    break;
                default:
                    graph = "graph-b";
                    break;
            }
        }

        var again = Run(config, graph);

        Assert.False(again.AnalysisReused);
        Assert.Equal(reviewKept, again.ReviewReused);
        Assert.Equal([input], again.Changed);
        // What was recomputed is what a computation without any stored result gives.
        using var read = GeoPackageProjectStore.Open(Project);
        var fresh = ProjectAnalysis.Run(null, ProjectData.Read(read), null, null, config);
        Assert.Equal(Json(AnalysisPayload.Of(fresh.Analysis)), Json(AnalysisPayload.Of(again.Analysis)));
        Assert.True(Run(config, graph).AnalysisReused);
    }

    [Fact]
    public void Run_SitePlanChanged_RecomputesTheAnalysisKeepsTheReview()
    {
        Run();
        using var store = GeoPackageProjectStore.Open(Project);
        var data = ProjectData.Read(store);
        IReadOnlyList<Territory.Core.Presence.SitePlacement> sites =
            [new("S1", "Site planifié", AgencyKind.LieuRelais, [data.Estates[0].Id, data.Estates[1].Id])];
        var config = TypologyConfig.Default;

        var again = ProjectAnalysis.Run(store, data, null, AnalysisInputKeys.Of(data, Graph, config, sites: sites), config,
            adjust: input => input with { Sites = sites });

        Assert.False(again.AnalysisReused);
        Assert.True(again.ReviewReused);
        Assert.Equal(["sites"], again.Changed);
        Assert.Same(sites, again.Analysis.Input.Sites);
        var fresh = ProjectAnalysis.Run(null, data, null, null, config, adjust: input => input with { Sites = sites });
        Assert.Equal(Json(AnalysisPayload.Of(fresh.Analysis)), Json(AnalysisPayload.Of(again.Analysis)));
        Assert.True(ProjectAnalysis.Run(store, data, null, AnalysisInputKeys.Of(data, Graph, config, sites: sites), config,
            adjust: input => input with { Sites = sites }).AnalysisReused);
    }

    [Fact]
    public void GraphKey_NoGraph_None() => Assert.Equal("none", AnalysisInputKeys.GraphKey(null));

    [Fact]
    public void GraphKey_Graph_NamesTheSnappingRule()
    {
        var builder = new Territory.Routing.Graph.RoadGraphBuilder();
        int a = builder.AddNode(1.44, 43.60), b = builder.AddNode(1.45, 43.60);
        builder.AddEdge(a, b, 60, 800);
        var graph = builder.Build();
        var key = AnalysisInputKeys.GraphKey(graph);
        Assert.EndsWith($"-{graph.NodeCount}-{graph.EdgeCount}-snap{Territory.Routing.Snapping.RoadSnapper.RuleVersion}", key);
    }

    [Fact]
    public void Run_StoredPayloadUnreadable_ComputesAgainWithoutFailing()
    {
        var first = Run();
        using (var store = GeoPackageProjectStore.Open(Project))
        {
            var key = store.ReadResult(ProjectAnalysis.AnalysisResultName)!.InputKey;
            store.WriteResult(ProjectAnalysis.AnalysisResultName, key, "not a stored analysis"u8);
        }

        var again = Run();

        Assert.False(again.AnalysisReused);
        Assert.Equal(Json(AnalysisPayload.Of(first.Analysis)), Json(AnalysisPayload.Of(again.Analysis)));
    }

    [Fact]
    public void Keys_SameLayersReadTwice_SameHashes()
    {
        using var store = GeoPackageProjectStore.Open(Project);
        var a = AnalysisInputKeys.Of(ProjectData.Read(store), Graph, TypologyConfig.Default);
        var b = AnalysisInputKeys.Of(ProjectData.Read(store), Graph, TypologyConfig.Default);

        Assert.Equal(a, b);
        Assert.NotEqual(a.Analysis, AnalysisInputKeys.Of(ProjectData.Read(store), Graph, TypologyConfig.Default, Territory.Core.Territories.DelineationMode.AgencyCatchment).Analysis);
    }

    private ProjectAnalysisOutcome Run(TypologyConfig? config = null, string graph = Graph)
    {
        config ??= TypologyConfig.Default;
        using var store = GeoPackageProjectStore.Open(Project);
        var data = ProjectData.Read(store);
        return ProjectAnalysis.Run(store, data, null, AnalysisInputKeys.Of(data, graph, config), config);
    }

    private static ImportResult Import(LayerKind kind, int rows) => new() { Kind = kind, SourcePath = "test", SourceCrs = 2154, TargetCrs = 2154, Read = rows };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PayloadJson.Options);

}
