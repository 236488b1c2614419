using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.Store.GeoPackage;
using static Territory.Store.Tests.GeoPackage.StoreTestData;
using Territory.Store;
using Territory.Store.Tests.Stores;

namespace Territory.Store.Tests.GeoPackage;

/// <summary>Named scenarios round-trip through the GeoPackage and apply to the saved network.</summary>
public sealed class StoreScenarioTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void SaveScenario_RoundTripsWithChangesInOrder(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));
        var scenario = new Scenario
        {
            Name = "Relais nord",
            Author = "alice",
            Source = "plan",
            BaseVersion = store.DataVersion,
            Changes =
            [
                new ScenarioChange(ScenarioOp.Add, "SCN-1", "Lieu relais 1", AgencyKind.LieuRelais, Factory.CreatePoint(new Coordinate(10, 20))) { Staff = 1 },
                new ScenarioChange(ScenarioOp.Move, "AG-1", "Agence", AgencyKind.Agence, Factory.CreatePoint(new Coordinate(30, 40))),
                new ScenarioChange(ScenarioOp.Close, "AG-2", "Antenne", AgencyKind.Antenne, null),
            ],
        };

        store.SaveScenario(scenario, overwrite: false);
        var back = store.ReadScenario("Relais nord")!;

        Assert.Equal("alice", back.Author);
        Assert.Equal("plan", back.Source);
        Assert.Equal(scenario.Changes.Select(c => (c.Op, c.AgencyId, c.Kind, c.Location?.X, c.Staff)),
            back.Changes.Select(c => (c.Op, c.AgencyId, c.Kind, c.Location?.X, c.Staff)));
        Assert.Equal("Relais nord", Assert.Single(store.ListScenarios()).Name);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void SaveScenario_ExistingName_RefusedUnlessOverwrite(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));
        store.SaveScenario(new Scenario { Name = "S" }, overwrite: false);
        var error = Assert.Throws<ReasonException>(() => store.SaveScenario(new Scenario { Name = "S" }, overwrite: false));
        Assert.Equal("scenario_name_taken", error.Reason.Code);
        store.SaveScenario(new Scenario { Name = "S", Description = "v2" }, overwrite: true);
        Assert.Equal("v2", store.ReadScenario("S")!.Description);
        Assert.True(store.DeleteScenario("S"));
        Assert.Null(store.ReadScenario("S"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void SaveScenario_EmptyName_Refused(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));
        foreach (var name in new[] { "", "   " })
            Assert.Equal("scenario_name_empty", Assert.Throws<ReasonException>(() => store.SaveScenario(new Scenario { Name = name }, false)).Reason.Code);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public void SaveScenario_TooLongName_Refused(StoreKind kind)
    {
        using var tmp = TestStore.Create(kind);
        if (tmp is null)
            return;
        using var store = tmp.Open();
        store.ImportLayer(Estates([Estate("a", "POINT (1 1)")]));
        var error = Assert.Throws<ReasonException>(() => store.SaveScenario(new Scenario { Name = new string('x', Scenario.MaxNameLength + 1) }, false));
        Assert.Equal("scenario_name_too_long", error.Reason.Code);
    }

    [Fact]
    public void Apply_AddsMovesAndClosesOverTheSavedNetwork()
    {
        Agency A(string id, double x) => new() { Id = id, Location = Factory.CreatePoint(new Coordinate(x, 0)) };
        var saved = new[] { A("AG-1", 0), A("AG-2", 1) };
        var scenario = new Scenario
        {
            Name = "s",
            Changes =
            [
                new ScenarioChange(ScenarioOp.Add, "AG-1", "new", AgencyKind.LieuRelais, Factory.CreatePoint(new Coordinate(5, 5))),
                new ScenarioChange(ScenarioOp.Move, "AG-2", null, AgencyKind.Agence, Factory.CreatePoint(new Coordinate(9, 9))),
                new ScenarioChange(ScenarioOp.Close, "AG-1", null, AgencyKind.Agence, null),
                new ScenarioChange(ScenarioOp.Close, "GONE", null, AgencyKind.Agence, null),
            ],
        };

        var applied = scenario.Apply(saved);

        Assert.Equal(["AG-2", "AG-1#2"], applied.Select(a => a.Id));
        Assert.Equal(9, applied[0].Location.X);
        Assert.Equal(1, saved[1].Location.X);
    }
}
