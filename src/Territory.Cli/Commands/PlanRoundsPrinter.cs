using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Planning.Service;

namespace Territory.Cli.Commands;

/// <summary>Prints the mobile agency's week: a timetable per day in clock times, or the JSON contract with <c>--json</c>.</summary>
internal static class PlanRoundsPrinter
{
    public static void Print(CliConsole console, bool json, RoundResult r)
    {
        if (json)
        {
            JsonOutput.Write(console, new
            {
                @base = new { id = r.BaseId, name = r.BaseName, lon = r.BaseLon, lat = r.BaseLat },
                weeks = r.Weeks, day_start = r.DayStart,
                days = r.Days.Select(d => new
                {
                    week = d.Week, day = d.Day, start = d.Start, end = d.End, empty = d.Stops.Count == 0,
                    stops = d.Stops.Select(s => s.Id),
                    visits = d.Stops.Select(s => new
                    {
                        id = s.Id, name = s.Name, lon = s.Lon, lat = s.Lat, frequency = s.Frequency,
                        arrive = s.Arrive, depart = s.Depart, arrival_minutes = s.ArriveMinutes, departure_minutes = s.DepartMinutes,
                        drive_minutes = s.DriveMinutes,
                    }),
                    drive_minutes = d.DriveMinutes, work_minutes = d.WorkMinutes,
                    legs = d.Legs.Select(l => new { from = l.From, to = l.To, drive_minutes = l.DriveMinutes, on_roads = l.OnRoads, points = l.Line.Count }),
                }),
                unplanned = r.Unplanned.Select(u => new { id = u.Id, name = u.Name, reason = u.Reason, reason_label = PlanCli.T(console, "rounds_reason_" + u.Reason) }),
                drive_minutes_total = r.DriveMinutesTotal, weekly_drive_hours = r.WeeklyDriveHours,
                stop_minutes = r.StopMinutes, day_hours = r.DayHours, estimated = r.Estimated, legs_on_roads = r.LegsOnRoads, seconds = r.Seconds,
            });
            return;
        }
        var o = console.Out;
        o.WriteLine(PlanCli.T(console, "rounds3_summary", ("base", r.BaseName ?? r.BaseId), ("stops", r.Days.Sum(d => d.Stops.Count)),
            ("days", r.Days.Count(d => d.Stops.Count > 0)), ("total", r.Days.Count), ("start", r.DayStart)));
        foreach (var d in r.Days)
        {
            var day = r.Weeks > 1 ? Message.Of("rounds3_day_of_week", ("week", d.Week), ("day", d.Day)) : Message.Of("rounds3_day", ("day", d.Day));
            if (d.Stops.Count == 0)
            {
                o.WriteLine(PlanCli.T(console, "rounds3_day_empty", ("day", day)));
                continue;
            }
            o.WriteLine(PlanCli.T(console, "rounds3_day_header", ("day", day), ("start", d.Start), ("end", d.End),
                ("drive", Duration(d.DriveMinutes)), ("work", Duration(d.WorkMinutes))));
            foreach (var s in d.Stops)
                o.WriteLine(PlanCli.T(console, "rounds3_visit_line", ("arrive", s.Arrive), ("depart", s.Depart), ("id", s.Id), ("name", s.Name ?? "—"),
                    ("drive", s.DriveMinutes), ("frequency", Message.Of("rounds3_frequency_" + s.Frequency))));
        }
        o.WriteLine(PlanCli.T(console, r.Weeks > 1 ? "rounds3_weekly_total_fortnight" : "rounds3_weekly_total",
            ("hours", r.WeeklyDriveHours), ("total", Duration(r.DriveMinutesTotal))));
        foreach (var u in r.Unplanned)
            o.WriteLine(PlanCli.T(console, "rounds_unplanned_line", ("id", u.Id), ("name", u.Name ?? "—"), ("reason", Message.Of("rounds_reason_" + u.Reason))));
        if (r.Estimated) o.WriteLine(PlanCli.T(console, "plan_estimated_warning"));
        else if (!r.LegsOnRoads) o.WriteLine(PlanCli.T(console, "rounds3_legs_straight"));
    }

    /// <summary>A duration « 1 h 05 » (or « 45 min » under an hour), from the catalogue.</summary>
    internal static Message Duration(double minutes)
    {
        var m = (int)Math.Round(minutes, MidpointRounding.AwayFromZero);
        return m < 60 ? Message.Of("rounds3_minutes", ("minutes", m)) : Message.Of("rounds3_hours_minutes", ("hours", m / 60), ("minutes", (m % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
