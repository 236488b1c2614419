using NetTopologySuite.Geometries;
using Territory.Planning.Rounds;
using Territory.Planning.Tests.Matrix;

namespace Territory.Planning.Tests.Rounds;

public sealed class RoundPlannerTests
{
    private static readonly GeometryFactory F = new(new PrecisionModel(), 2154);
    private static readonly Point Anywhere = F.CreatePoint(new Coordinate(574_500, 6_279_500));

    private static RoundStop Stop(string id, double minutes = 120, VisitFrequency frequency = VisitFrequency.Weekly) =>
        new() { Id = id, Location = Anywhere, StopMinutes = minutes, Frequency = frequency };

    /// <summary>Points on a line, <paramref name="minutesFromBase"/> east of the base; travel = difference of positions (symmetric).</summary>
    private static double[,] Line(params double[] minutesFromBase)
    {
        double[] at = [0, .. minutesFromBase];
        var m = new double[at.Length, at.Length];
        for (int i = 0; i < at.Length; i++)
            for (int j = 0; j < at.Length; j++) m[i, j] = Math.Abs(at[i] - at[j]) * 60;
        return m;
    }

    private static RoundRequest Request(IReadOnlyList<RoundStop> stops, double[,] seconds, int days = 5, double hours = 7, double balance = 0.5) => new()
    {
        BaseId = "AG", BaseLocation = Anywhere, Stops = stops, TravelSeconds = seconds, Days = days, DayHours = hours, TimeLimitSeconds = 1,
        BalanceWeight = balance,
    };

    /// <summary>Three stops 30 min from the base and 1 min from each other: one day of 62 min driving, or three days of 60 each.</summary>
    private static double[,] Cluster()
    {
        var m = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) m[i, j] = i == j ? 0 : (i == 0 || j == 0 ? 30 : 1) * 60;
        return m;
    }

    [Fact]
    public void Plan_NoBalance_PilesTheStopsIntoOneDay()
    {
        var plan = RoundPlanner.Plan(Request([Stop("A"), Stop("B"), Stop("C")], Cluster(), days: 3, hours: 8, balance: 0));
        Assert.Equal(62, plan.DriveMinutesTotal, 6);
        Assert.Equal(3, plan.Days[0].Stops.Count);
        Assert.Empty(plan.Days[1].Stops);
    }

    [Fact]
    public void Plan_DefaultBalance_SpreadsTheStopsOverTheFreeDays()
    {
        // One day: 62 min driving, 422 min long. Three days: 180 min driving, none over 180 min:
        // 118 more minutes of driving for 242 fewer on the longest day (and 242 over the balance target).
        var plan = RoundPlanner.Plan(Request([Stop("A"), Stop("B"), Stop("C")], Cluster(), days: 3, hours: 8));
        Assert.All(plan.Days, d => Assert.Single(d.Stops));
        Assert.Equal(180, plan.DriveMinutesTotal, 6);
        Assert.All(plan.Days, d => Assert.Equal(180, d.WorkMinutes, 6));
    }

    [Fact]
    public void Plan_FewerStopsThanDays_WorkingDaysComeFirstEmptyDaysLast()
    {
        var plan = RoundPlanner.Plan(Request([Stop("A"), Stop("B")], Line(30, 40)));
        Assert.Equal([1, 1, 0, 0, 0], plan.Days.Select(d => d.Stops.Count));
        Assert.Equal([1, 2, 3, 4, 5], plan.Days.Select(d => d.Day));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Plan_BadBalance_ThrowsWithStableCode(double balance)
    {
        var e = Assert.Throws<PlanningException>(() => RoundPlanner.Plan(Request([Stop("A")], Line(10), balance: balance)));
        Assert.Equal(PlanningErrorCodes.RoundsBalanceInvalid, e.Code);
    }

    [Fact]
    public void Plan_StopsOnOneRoad_OneTripOutAndBackIsTheLeastDriving()
    {
        var plan = RoundPlanner.Plan(Request([Stop("A", 60), Stop("B", 60), Stop("C", 60)], Line(10, 20, 30), balance: 0));
        Assert.Equal(1, plan.Weeks);
        Assert.Equal(5, plan.Days.Count);
        Assert.Empty(plan.Unplanned);
        Assert.Equal(60, plan.DriveMinutesTotal, 6);
        var day = Assert.Single(plan.Days, d => d.Stops.Count > 0);
        Assert.Equal(["A", "B", "C"], day.Stops.Select(s => s.StopId).Order());
        Assert.Equal(60 + 3 * 60, day.WorkMinutes, 6);
        var first = day.Stops[0];
        Assert.Equal(first.DriveMinutes, first.ArriveMinutes, 6);
        Assert.Equal(first.ArriveMinutes + 60, first.DepartMinutes, 6);
        Assert.False(plan.Estimated);
    }

    [Fact]
    public void Plan_MoreStopsThanTheWeekHolds_RespectsTheDayLimitAndReportsNoRoom()
    {
        // Each stop: 30 min away, 3 h there → two per 7 h day at most (30 + 180 + ~0 + 180 + 30 = 420).
        var stops = Enumerable.Range(0, 12).Select(i => Stop("S" + i, 180)).ToArray();
        var seconds = Line(Enumerable.Repeat(30.0, 12).ToArray());
        var plan = RoundPlanner.Plan(Request(stops, seconds));
        Assert.All(plan.Days, d => Assert.True(d.WorkMinutes <= 7 * 60 + 1e-6, $"day {d.Day}: {d.WorkMinutes} min"));
        var visited = plan.Days.SelectMany(d => d.Stops).Select(s => s.StopId).ToList();
        Assert.Equal(10, visited.Count);
        Assert.Equal(visited.Count, visited.Distinct().Count());
        Assert.Equal(2, plan.Unplanned.Count);
        Assert.All(plan.Unplanned, u => Assert.Equal(UnplannedReasons.NoRoom, u.Reason));
        Assert.Empty(visited.Intersect(plan.Unplanned.Select(u => u.Id)));
    }

    [Fact]
    public void Plan_StopTooFarOrWithoutRoad_ReportedWithItsReason()
    {
        var seconds = Line(20, 200, 15);
        seconds[0, 3] = double.NaN; // no road from the base to C
        var plan = RoundPlanner.Plan(Request([Stop("A"), Stop("FAR", 60), Stop("C")], seconds));
        Assert.Equal([("FAR", UnplannedReasons.LongerThanADay), ("C", UnplannedReasons.Unreachable)], plan.Unplanned.Select(u => (u.Id, u.Reason)));
        Assert.Equal(["A"], plan.Days.SelectMany(d => d.Stops).Select(s => s.StopId));
    }

    [Fact]
    public void Plan_FortnightlyStops_TwoWeeksWeeklyInBothFortnightlyOnce()
    {
        var stops = new[]
        {
            Stop("W1", 150), Stop("W2", 150), Stop("F1", 150, VisitFrequency.Fortnightly), Stop("F2", 150, VisitFrequency.Fortnightly),
            Stop("F3", 150, VisitFrequency.Fortnightly),
        };
        var plan = RoundPlanner.Plan(Request(stops, Line(20, 25, 30, 35, 40), days: 2, hours: 6.5));
        Assert.Equal(2, plan.Weeks);
        Assert.Equal(4, plan.Days.Count);
        Assert.Empty(plan.Unplanned);
        foreach (int week in new[] { 1, 2 })
        {
            var ids = plan.Days.Where(d => d.Week == week).SelectMany(d => d.Stops).Select(s => s.StopId).ToList();
            Assert.Equal(1, ids.Count(i => i == "W1"));
            Assert.Equal(1, ids.Count(i => i == "W2"));
        }
        var all = plan.Days.SelectMany(d => d.Stops).Select(s => s.StopId).ToList();
        Assert.All(new[] { "F1", "F2", "F3" }, f => Assert.Equal(1, all.Count(i => i == f)));
        Assert.All(plan.Days, d => Assert.True(d.WorkMinutes <= 6.5 * 60 + 1e-6));
    }

    [Fact]
    public void Plan_RoadGraph_UsesRoutedTimes()
    {
        var graph = TestGraphs.Line();
        var wgs = new Territory.Core.Crs.Reprojector(4326, 2154);
        Point At(double lon, double lat) { var (x, y) = wgs.Transform(lon, lat); return F.CreatePoint(new Coordinate(x, y)); }
        var request = new RoundRequest
        {
            BaseId = "AG", BaseLocation = At(TestGraphs.Lon0, TestGraphs.Lat0), Graph = graph, TimeLimitSeconds = 1,
            Stops = [new RoundStop { Id = "N3", Location = At(TestGraphs.Lon0 + 3000 * TestGraphs.MeterLon, TestGraphs.Lat0), StopMinutes = 60 }],
        };
        var plan = RoundPlanner.Plan(request);
        var day = Assert.Single(plan.Days, d => d.Stops.Count > 0);
        // Out 0 → 1 → 2 → 3 (180 s); back 3 → 2 → detour → 1 → 0 (60 + 300 + 60 s).
        Assert.Equal(3, day.Stops[0].ArriveMinutes, 2);
        Assert.Equal((180 + 420) / 60.0, day.DriveMinutes, 2);
        Assert.False(plan.Estimated);
        var straight = RoundPlanner.Plan(request with { Graph = null });
        Assert.True(straight.Estimated);
    }

    [Theory]
    [InlineData(0, 7, PlanningErrorCodes.RoundsDaysInvalid)]
    [InlineData(5, 0, PlanningErrorCodes.RoundsDayHoursInvalid)]
    [InlineData(5, 30, PlanningErrorCodes.RoundsDayHoursInvalid)]
    public void Plan_BadWeek_ThrowsWithStableCode(int days, double hours, string code)
    {
        var e = Assert.Throws<PlanningException>(() => RoundPlanner.Plan(Request([Stop("A")], Line(10), days, hours)));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void Plan_DuplicateStopOrBadMatrix_Throws()
    {
        Assert.Equal(PlanningErrorCodes.RoundsDuplicateStop,
            Assert.Throws<PlanningException>(() => RoundPlanner.Plan(Request([Stop("A"), Stop("A")], Line(10, 10)))).Code);
        Assert.Equal(PlanningErrorCodes.RoundsMatrixMismatch,
            Assert.Throws<PlanningException>(() => RoundPlanner.Plan(Request([Stop("A"), Stop("B")], Line(10)))).Code);
        Assert.Equal(PlanningErrorCodes.RoundsStopMinutesInvalid,
            Assert.Throws<PlanningException>(() => RoundPlanner.Plan(Request([Stop("A", -5)], Line(10)))).Code);
    }
}
