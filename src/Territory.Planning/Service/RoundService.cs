using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Planning.Rounds;
using Territory.Routing.Graph;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>Plans the mobile agency's week over a project (CLI and map alike).</summary>
public static class RoundService
{
    /// <exception cref="ReasonException"><c>rounds_base_unknown</c> when the base is no presence point of the project; <c>rounds_no_stops</c> without stops.</exception>
    /// <exception cref="PlanningException">Bad days, hours, balance or stop times.</exception>
    public static RoundResult Plan(ProjectData data, RoadGraph? graph, RoundOptions options,
        IProgress<PlanningProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var home = data.Agencies.FirstOrDefault(a => string.Equals(a.Id, options.BaseId, StringComparison.Ordinal))
            ?? throw new ReasonException(Message.Of("rounds_base_unknown", ("id", options.BaseId)));
        if (options.Stops.Count == 0) throw new ReasonException(Message.Of("rounds_no_stops"));
        progress?.Report(new PlanningProgress(PlanningStage.RoundTravel, 0, options.Stops.Count));
        var plan = RoundPlanner.Plan(new RoundRequest
        {
            BaseId = home.Id, BaseLocation = home.Location, Stops = options.Stops, WorkingCrs = data.WorkingCrs, Days = options.Days,
            DayHours = options.DayHours, Graph = graph, Hierarchy = graph?.Hierarchy, TimeLimitSeconds = options.TimeLimitSeconds,
            BalanceWeight = options.BalanceWeight,
        }, cancellationToken);
        progress?.Report(new PlanningProgress(PlanningStage.RoundSolve, 1, 1));
        var toWgs84 = new Reprojector(data.WorkingCrs, 4326);
        var stops = options.Stops.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var (baseLon, baseLat) = toWgs84.Transform(home.Location.X, home.Location.Y);
        var start = options.DayStart;
        var legs = new RoundLegs(graph);
        var days = plan.Days.Select(d =>
        {
            var visits = d.Stops.Select(v =>
            {
                var s = stops[v.StopId];
                var (lon, lat) = toWgs84.Transform(s.Location.X, s.Location.Y);
                return new RoundResultStop(s.Id, s.Name, lon, lat, v.ArriveMinutes, v.DepartMinutes, v.DriveMinutes,
                    RoundClock.At(start, v.ArriveMinutes), RoundClock.At(start, v.DepartMinutes), s.Frequency.Code());
            }).ToList();
            var back = d.DriveMinutes - visits.Sum(v => v.DriveMinutes);
            return new RoundResultDay(d.Week, d.Day, visits, d.DriveMinutes, d.WorkMinutes, RoundClock.At(start, 0), RoundClock.At(start, d.WorkMinutes),
                legs.Day((home.Id, baseLon, baseLat), visits, back));
        }).ToList();
        return new RoundResult
        {
            BaseId = home.Id, BaseName = home.Name, BaseLon = baseLon, BaseLat = baseLat, Weeks = plan.Weeks, Days = days,
            Unplanned = plan.Unplanned.Select(u => new RoundUnplanned(u.Id, stops[u.Id].Name, u.Reason)).ToList(),
            DriveMinutesTotal = plan.DriveMinutesTotal, StopMinutes = (int)Math.Round(options.Stops.Select(s => s.StopMinutes).DefaultIfEmpty(0).Max()),
            DayHours = options.DayHours, DayStart = RoundClock.At(start, 0), Estimated = plan.Estimated,
            LegsOnRoads = days.SelectMany(d => d.Legs).All(l => l.OnRoads), Seconds = plan.Seconds,
        };
    }
}
