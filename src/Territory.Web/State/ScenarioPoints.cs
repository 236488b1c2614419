using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.Core.Scenarios;

namespace Territory.Web.State;

/// <summary>
/// A presence point placed on the map is checked like an imported one: in France, in the project's zone
/// (a Guadeloupe point has no place in a Lambert-93 project), with a name of reasonable length.
/// </summary>
public static class ScenarioPoints
{
    /// <summary>Why the position cannot take a presence point of a project working in <paramref name="workingCrs"/>, or null.</summary>
    public static Message? CheckPosition(double lon, double lat, int workingCrs)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
            return Message.Of("scenario_point_not_lonlat");
        var region = FranceRegions.Locate(lon, lat);
        if (region is null)
            return Message.Of("scenario_point_outside_france", ("lon", lon), ("lat", lat));
        var zoned = FranceRegions.All.Any(r => r.WorkingCrs == workingCrs);
        return zoned && region.WorkingCrs != workingCrs
            ? Message.Of("scenario_point_outside_zone", ("region", region.Name), ("crs", $"EPSG:{workingCrs}"))
            : null;
    }

    /// <summary>Why the name cannot be a presence point's name (too long, control characters), or null; an empty name is allowed (one is made up).</summary>
    public static Message? CheckName(string? name)
    {
        if (name is null)
            return null;
        var trimmed = name.Trim();
        if (trimmed.Length > Scenario.MaxNameLength)
            return Message.Of("scenario_point_name_too_long", ("length", trimmed.Length), ("max", Scenario.MaxNameLength));
        return trimmed.Any(char.IsControl) ? Message.Of("scenario_point_name_control") : null;
    }
}
