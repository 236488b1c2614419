using System.Diagnostics;

namespace Territory.Planning.Rounds;

/// <summary>Plans the mobile agency's week (or fortnight) with OR-Tools vehicle routing: days as vehicles, minimal driving.</summary>
/// <remarks>
/// <para>Before the solver, each stop is checked alone: no road between it and the base either way →
/// <see cref="UnplannedReasons.Unreachable"/>; base → stop, the stop time and stop → base longer than the
/// working day → <see cref="UnplannedReasons.LongerThanADay"/>. The others go to <see cref="RoundModel"/>.</para>
/// <para>Fortnightly stops make the horizon two weeks, A then B: every weekly stop is visited once in
/// A and once in B (not necessarily the same weekday), every fortnightly stop once in the two weeks.
/// A weekly stop the solver could place in only one of the weeks is taken out of both and reported
/// <see cref="UnplannedReasons.NoRoom"/>, like any visit it dropped: every planned stop is visited
/// exactly once per period.</para>
/// </remarks>
public static class RoundPlanner
{
    public static RoundPlan Plan(RoundRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Validate(request);
        var (seconds, estimated) = RoundTravel.Build(request, cancellationToken);
        int stops = request.Stops.Count;
        int weeks = request.Stops.Any(s => s.Frequency == VisitFrequency.Fortnightly) ? 2 : 1;
        int vehicles = request.Days * weeks;
        long daySeconds = (long)Math.Round(request.DayHours * 3600);
        var service = new long[stops + 1];
        for (int i = 0; i < stops; i++) service[i + 1] = (long)Math.Round(request.Stops[i].StopMinutes * 60);

        var unplanned = new List<UnplannedStop>();
        var visits = new List<(int Point, int[]? Vehicles)>();
        for (int i = 0; i < stops; i++)
        {
            int p = i + 1;
            if (double.IsNaN(seconds[0, p]) || double.IsNaN(seconds[p, 0])) { unplanned.Add(new(request.Stops[i].Id, UnplannedReasons.Unreachable)); continue; }
            if (seconds[0, p] + service[p] + seconds[p, 0] > daySeconds) { unplanned.Add(new(request.Stops[i].Id, UnplannedReasons.LongerThanADay)); continue; }
            if (request.Stops[i].Frequency == VisitFrequency.Fortnightly) visits.Add((p, null));
            else
                for (int w = 0; w < weeks; w++) visits.Add((p, Enumerable.Range(w * request.Days, request.Days).ToArray()));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var model = new RoundModel(seconds, visits, service, vehicles, daySeconds, request.BalanceWeight);
        var routes = FullDaysFirst(model.Solve(request.TimeLimitSeconds), request.Days);

        // Every visit of a planned stop must be on a route; otherwise the stop is out, all its visits with it.
        var visitsOfPoint = visits.Select((v, k) => (v.Point, k)).GroupBy(x => x.Point).ToDictionary(g => g.Key, g => g.Select(x => x.k).ToArray());
        var routed = new HashSet<int>(routes.SelectMany(r => r));
        var dropped = new HashSet<int>();
        foreach (var (point, ks) in visitsOfPoint)
            if (!ks.All(routed.Contains)) { dropped.Add(point); unplanned.Add(new(request.Stops[point - 1].Id, UnplannedReasons.NoRoom)); }

        var days = new List<RoundDay>();
        double totalDrive = 0;
        for (int v = 0; v < vehicles; v++)
        {
            var sequence = routes[v].Select(k => visits[k].Point).Where(p => !dropped.Contains(p)).ToList();
            var day = Day(request, model, service, sequence, v / request.Days + 1, v % request.Days + 1);
            totalDrive += day.DriveMinutes;
            days.Add(day);
        }
        var order = request.Stops.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return new RoundPlan
        {
            Weeks = weeks, Days = days, Unplanned = [.. unplanned.OrderBy(u => order[u.Id])], DriveMinutesTotal = totalDrive,
            Estimated = estimated, Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// The days of each week with stops first, in the solver's order, then the empty ones: the days of a week
    /// are interchangeable (a visit is tied to its week, never to a weekday), and a week that starts with
    /// its working days reads better than one that starts empty.
    /// </summary>
    private static List<int>[] FullDaysFirst(List<int>[] routes, int days)
    {
        var ordered = new List<int>[routes.Length];
        for (int week = 0; week * days < routes.Length; week++)
        {
            var sorted = routes.Skip(week * days).Take(days).OrderBy(r => r.Count == 0 ? 1 : 0).ToArray();
            Array.Copy(sorted, 0, ordered, week * days, sorted.Length);
        }
        return ordered;
    }

    /// <summary>Times of one day recomputed from its sequence of points (base → stops → base).</summary>
    private static RoundDay Day(RoundRequest request, RoundModel model, long[] service, List<int> sequence, int week, int day)
    {
        var visits = new List<RoundVisit>();
        long time = 0, drive = 0;
        int at = 0;
        foreach (int p in sequence)
        {
            long leg = model.Drive(at, p);
            time += leg; drive += leg;
            visits.Add(new RoundVisit(request.Stops[p - 1].Id, time / 60.0, (time + service[p]) / 60.0, leg / 60.0));
            time += service[p];
            at = p;
        }
        if (at != 0)
        {
            long back = model.Drive(at, 0);
            time += back; drive += back;
        }
        return new RoundDay(week, day, visits, drive / 60.0, time / 60.0);
    }

    private static void Validate(RoundRequest r)
    {
        if (r.Days < 1) throw new PlanningException(PlanningErrorCodes.RoundsDaysInvalid, ("days", r.Days));
        if (!(r.DayHours > 0) || r.DayHours > 24) throw new PlanningException(PlanningErrorCodes.RoundsDayHoursInvalid, ("hours", r.DayHours));
        if (!(r.BalanceWeight >= 0) || !double.IsFinite(r.BalanceWeight))
            throw new PlanningException(PlanningErrorCodes.RoundsBalanceInvalid, ("weight", r.BalanceWeight));
        if (!(r.TimeLimitSeconds > 0)) throw new PlanningException(PlanningErrorCodes.TimeLimitInvalid, ("seconds", r.TimeLimitSeconds));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in r.Stops)
        {
            if (!ids.Add(s.Id)) throw new PlanningException(PlanningErrorCodes.RoundsDuplicateStop, ("id", s.Id));
            if (!(s.StopMinutes >= 0) || !double.IsFinite(s.StopMinutes))
                throw new PlanningException(PlanningErrorCodes.RoundsStopMinutesInvalid, ("stop", s.Id), ("minutes", s.StopMinutes));
        }
    }
}
