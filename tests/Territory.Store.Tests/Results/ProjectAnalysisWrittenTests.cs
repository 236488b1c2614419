using System.Text.Json;
using Territory.Core.Typology;
using Territory.IO.Export;
using Territory.IO.Layers;
using Territory.Store.GeoPackage;
using Territory.Store.Results;

namespace Territory.Store.Tests.Results;

/// <summary>The analysis with its result layers written while it computes: the same results and layers, the same all-or-nothing transaction.</summary>
public sealed class ProjectAnalysisWrittenTests : IDisposable
{
    private const string Graph = "graph-a";
    private static readonly LayerDefinition Marker = LayerDefinition.Attributes("written_first", [new LayerColumn("n", ColumnType.Integer)]);
    private readonly DemoProjectCopy _copy = new();

    private string Project => _copy.Path;

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void RunAndWrite_NothingStored_SameAnalysisAsRunLayersWrittenAndBothResultsStored()
    {
        using var store = GeoPackageProjectStore.Open(Project);
        var data = ProjectData.Read(store);
        var keys = AnalysisInputKeys.Of(data, Graph, TypologyConfig.Default);
        var reported = 0;

        var outcome = ProjectAnalysis.RunAndWrite(store, data, null, keys, TypologyConfig.Default,
            (sink, review, analysis) => AnalysisLayers.Write(sink, analysis(), null), whileStoring: _ => reported++);

        var fresh = ProjectAnalysis.Run(null, data, null, null, TypologyConfig.Default);
        Assert.Equal(Json(AnalysisPayload.Of(fresh.Analysis)), Json(AnalysisPayload.Of(outcome.Analysis)));
        Assert.Equal(1, reported);
        Assert.Equal(data.DataVersion, store.DerivedVersion(AnalysisLayers.Territories));
        var again = ProjectAnalysis.Run(store, data, null, keys, TypologyConfig.Default);
        Assert.True(again.ReviewReused);
        Assert.True(again.AnalysisReused);
    }

    [Fact]
    public void RunAndWrite_AnalysisFails_LayersAlreadyWrittenRolledBackAndItsErrorRaised()
    {
        using var store = GeoPackageProjectStore.Open(Project);
        var data = ProjectData.Read(store);

        var error = Assert.Throws<InvalidOperationException>(() => ProjectAnalysis.RunAndWrite(store, data, null,
            AnalysisInputKeys.Of(data, Graph, TypologyConfig.Default), TypologyConfig.Default,
            (sink, review, analysis) =>
            {
                sink.WriteLayer(Marker, false, w => w.Write(null, 1L));
                AnalysisLayers.Write(sink, analysis(), null);
            },
            adjust: _ => throw new InvalidOperationException("analysis failed")));

        Assert.Equal("analysis failed", error.Message);
        Assert.Null(store.DerivedVersion(Marker.Name));
        Assert.Null(store.DerivedVersion(AnalysisLayers.Territories));
    }

    [Fact]
    public void RunAndWrite_WriteFails_ItsErrorRaisedNotTheStoppedAnalysis()
    {
        using var store = GeoPackageProjectStore.Open(Project);
        var data = ProjectData.Read(store);

        var error = Assert.Throws<IOException>(() => ProjectAnalysis.RunAndWrite(store, data, null,
            AnalysisInputKeys.Of(data, Graph, TypologyConfig.Default), TypologyConfig.Default,
            (_, _, _) => throw new IOException("disk full")));

        Assert.Equal("disk full", error.Message);
        Assert.Null(store.DerivedVersion(AnalysisLayers.Territories));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PayloadJson.Options);

}
