using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Planning.Service;

namespace Territory.Cli.Commands;

/// <summary>Prints the mobile agency's week: a timetable per day, or the JSON contract with <c>--json</c>.</summary>
internal static class PlanRoundsPrinter
{
    public static void Print(CliConsole console, bool json, RoundResult r)
    {
        if (json)
        {
            JsonOutput.Write(console, new
            {
                @base = new { id = r.BaseId, name = r.BaseName, lon = r.BaseLon, lat = r.BaseLat },
                weeks = r.Weeks,
                days = r.Days.Select(d => new
                {
                    week = d.Week, day = d.Day,
                    stops = d.Stops.Select(s => s.Id),
                    visits = d.Stops.Select(s => new
                    {
                        id = s.Id, name = s.Name, lon = s.Lon, lat = s.Lat, arrival_minutes = s.ArriveMinutes, departure_minutes = s.DepartMinutes,
                        arrival = Clock(s.ArriveMinutes), departure = Clock(s.DepartMinutes), drive_minutes = s.DriveMinutes,
                    }),
                    drive_minutes = d.DriveMinutes, work_minutes = d.WorkMinutes,
                }),
                unplanned = r.Unplanned.Select(u => new { id = u.Id, name = u.Name, reason = u.Reason, reason_label = PlanCli.T(console, "rounds_reason_" + u.Reason) }),
                drive_minutes_total = r.DriveMinutesTotal, weekly_drive_hours = r.WeeklyDriveHours,
                stop_minutes = r.StopMinutes, day_hours = r.DayHours, estimated = r.Estimated, seconds = r.Seconds,
            });
            return;
        }
        var o = console.Out;
        o.WriteLine(PlanCli.T(console, "rounds_summary", ("base", r.BaseName ?? r.BaseId), ("stops", r.Days.Sum(d => d.Stops.Count)),
            ("days", r.Days.Count(d => d.Stops.Count > 0)), ("hours", r.WeeklyDriveHours)));
        foreach (var d in r.Days)
        {
            o.WriteLine(PlanCli.T(console, r.Weeks > 1 ? "rounds_day_header_week" : "rounds_day_header", ("week", d.Week), ("day", d.Day),
                ("drive", d.DriveMinutes), ("work", d.WorkMinutes)));
            foreach (var s in d.Stops)
                o.WriteLine(PlanCli.T(console, "rounds_visit_line", ("arrival", Clock(s.ArriveMinutes)), ("departure", Clock(s.DepartMinutes)),
                    ("id", s.Id), ("name", s.Name ?? "—"), ("drive", s.DriveMinutes)));
        }
        foreach (var u in r.Unplanned)
            o.WriteLine(PlanCli.T(console, "rounds_unplanned_line", ("id", u.Id), ("name", u.Name ?? "—"), ("reason", Message.Of("rounds_reason_" + u.Reason))));
        if (r.Estimated) o.WriteLine(PlanCli.T(console, "plan_estimated_warning"));
    }

    /// <summary>Minutes from leaving the base as a duration « 1:35 » (hours:minutes).</summary>
    internal static string Clock(double minutes)
    {
        var m = (int)Math.Round(minutes);
        return $"{m / 60}:{m % 60:00}";
    }
}
