using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.Planning.Service;

namespace Territory.Planning.Tests.Service;

public sealed class ScenarioComparerTests
{
    [Fact]
    public void Compare_RelayAddedByTheFarEstates_RaisesTheShareWithinAndLowersTheMeanTime()
    {
        var data = ServiceTestData.Data();
        var scenario = new Scenario
        {
            Name = "relais", Changes = [new ScenarioChange(ScenarioOp.Add, "R1", "Relais", AgencyKind.LieuRelais, ServiceTestData.At(642_000, 6_315_000))],
        };
        var c = ScenarioComparer.Compare(data, [scenario], graph: null);

        Assert.True(c.Estimated);
        Assert.Equal([true, false], c.Columns.Select(x => x.Saved).ToArray());
        double? Row(string code, string? parameter, int column) => c.Rows.Single(r => r.Code == code && r.Parameter == parameter).Values[column];
        Assert.Equal(1, Row(ComparisonMetrics.Sites, "agence", 0));
        Assert.Equal(1, Row(ComparisonMetrics.Sites, "lieu_relais", 1));
        Assert.Equal(0, Row(ComparisonMetrics.Sites, "lieu_relais", 0));
        Assert.True(Row(ComparisonMetrics.WithinNearest, "20", 1) >= Row(ComparisonMetrics.WithinNearest, "20", 0));
        Assert.True(Row(ComparisonMetrics.MeanMinutes, null, 1) < Row(ComparisonMetrics.MeanMinutes, null, 0));
        Assert.True(Row(ComparisonMetrics.P90Minutes, null, 1) <= Row(ComparisonMetrics.P90Minutes, null, 0));
        // The managing agency did not move: its times stay.
        Assert.Equal(Row(ComparisonMetrics.WithinManaging, "30", 0), Row(ComparisonMetrics.WithinManaging, "30", 1));
        Assert.DoesNotContain(c.Rows, r => r.Code == ComparisonMetrics.RoundsDriveHours);
        Assert.All(c.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Label(Core.Messages.Lang.Fr))));
        Assert.All(c.Rows, r => Assert.DoesNotContain("compare_", r.Label(Core.Messages.Lang.En)));
    }

    [Fact]
    public void Compare_MobileStops_WeeklyDrivingFromTheNearestAgency()
    {
        var data = ServiceTestData.Data();
        var scenario = new Scenario
        {
            Name = "tournée",
            Changes =
            [
                new ScenarioChange(ScenarioOp.Add, "M1", "Place", AgencyKind.ArretAgenceMobile, ServiceTestData.At(640_000, 6_315_000)),
                new ScenarioChange(ScenarioOp.Add, "M2", "Halle", AgencyKind.ArretAgenceMobile, ServiceTestData.At(646_000, 6_315_000)),
            ],
        };
        var c = ScenarioComparer.Compare(data, [scenario], graph: null, new ComparisonOptions { RoundTimeLimitSeconds = 1 });
        var hours = c.Rows.Single(r => r.Code == ComparisonMetrics.RoundsDriveHours).Values;
        Assert.Null(hours[0]);
        Assert.True(hours[1] > 0);
        Assert.Equal(0, c.Rows.Single(r => r.Code == ComparisonMetrics.RoundsUnplanned).Values[1]);
    }
}
