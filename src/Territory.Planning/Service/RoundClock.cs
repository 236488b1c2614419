using System.Globalization;

namespace Territory.Planning.Service;

/// <summary>Clock times of a round: minutes after leaving the base, read from the day's start (« 08:30 » + 95 min → « 10:05 »).</summary>
public static class RoundClock
{
    /// <summary>The day's start used when none is given: half past eight.</summary>
    public static TimeOnly DefaultStart { get; } = new(8, 30);

    /// <summary>The clock time <paramref name="minutes"/> after <paramref name="start"/>, « HH:MM », rounded to the minute (past midnight it reads on, « 24:10 »).</summary>
    public static string At(TimeOnly start, double minutes)
    {
        var total = (int)Math.Round(start.Hour * 60 + start.Minute + minutes, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{total / 60:00}:{total % 60:00}");
    }

    /// <summary>Reads « 8:30 », « 08:30 » or « 8h30 »; false for anything else.</summary>
    public static bool TryParse(string? text, out TimeOnly start)
    {
        start = DefaultStart;
        var parts = text?.Trim().Replace('h', ':').Replace('H', ':').Split(':');
        if (parts is not { Length: 2 }) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 23) return false;
        var m = 0;
        if (parts[1].Length > 0 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out m) || m > 59)) return false;
        start = new TimeOnly(h, m);
        return true;
    }
}
