using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Territory.Routing.Profiles;

/// <summary>Car routing profile: speeds per OSM highway class and tag rules, loaded from a JSON data file.</summary>
/// <remarks>
/// Speed of a way: if it carries a usable <c>maxspeed</c> (a number in km/h, <c>"50 mph"</c>,
/// or a zone such as <c>FR:urban</c> → 50, <c>FR:rural</c> → 80, <c>FR:motorway</c> → 130), the
/// speed is <c>maxspeed × MaxspeedFactor</c> (0.8 by default, OSRM's <c>speed_reduction</c>);
/// otherwise the class speed. Ways whose class is not listed are not drivable. Access: the most
/// specific of <c>motorcar</c>, <c>motor_vehicle</c>, <c>vehicle</c>, <c>access</c> decides; a
/// blocked value (no, private…) excludes the way. One-ways: <c>oneway=yes/1/true</c>,
/// <c>-1/reverse</c>, <c>junction=roundabout/circular</c>, implied on motorways unless <c>oneway=no</c>.
/// </remarks>
public sealed class CarProfile
{
    private static readonly Lazy<CarProfile> DefaultProfile = new(LoadEmbedded);

    public string Name { get; }

    /// <summary>Speed by highway class, km/h.</summary>
    public IReadOnlyDictionary<string, double> SpeedsKmh { get; }

    /// <summary>Multiplier applied to a tagged maxspeed.</summary>
    public double MaxspeedFactor { get; }

    /// <summary>Implicit maxspeed values (e.g. <c>FR:urban</c>) in km/h.</summary>
    public IReadOnlyDictionary<string, double> MaxspeedZonesKmh { get; }

    public IReadOnlySet<string> BlockedAccessValues { get; }

    public IReadOnlySet<string> ImpliedOnewayClasses { get; }

    private CarProfile(ProfileData data)
    {
        Name = data.Name ?? "car";
        SpeedsKmh = new Dictionary<string, double>(data.SpeedsKmh ?? [], StringComparer.Ordinal);
        MaxspeedFactor = data.MaxspeedFactor is > 0 and <= 2 ? data.MaxspeedFactor : 1.0;
        MaxspeedZonesKmh = new Dictionary<string, double>(data.MaxspeedZonesKmh ?? [], StringComparer.OrdinalIgnoreCase);
        BlockedAccessValues = new HashSet<string>(data.BlockedAccessValues ?? [], StringComparer.OrdinalIgnoreCase);
        ImpliedOnewayClasses = new HashSet<string>(data.ImpliedOnewayClasses ?? [], StringComparer.Ordinal);
        if (SpeedsKmh.Count == 0 || SpeedsKmh.Values.Any(v => v <= 0)) throw new InvalidDataException("Profile needs positive speedsKmh.");
    }

    /// <summary>The built-in car profile (embedded <c>Profiles/car.json</c>).</summary>
    public static CarProfile Default => DefaultProfile.Value;

    /// <summary>Loads a profile JSON file (same schema as the embedded <c>car.json</c>).</summary>
    public static CarProfile Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Loads a profile from a JSON stream.</summary>
    public static CarProfile Load(Stream json)
    {
        var data = JsonSerializer.Deserialize<ProfileData>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidDataException("Empty profile.");
        return new CarProfile(data);
    }

    /// <summary>Evaluates a way's tags; null when a car may not use it.</summary>
    /// <param name="tag">Returns the value of a tag, or null when absent.</param>
    public WayTraversal? Evaluate(Func<string, string?> tag)
    {
        string? highway = tag("highway");
        if (highway is null || !SpeedsKmh.TryGetValue(highway, out double classSpeed)) return null;
        if (tag("area") == "yes") return null;
        string? access = tag("motorcar") ?? tag("motor_vehicle") ?? tag("vehicle") ?? tag("access");
        if (access is not null && BlockedAccessValues.Contains(access.Trim())) return null;

        bool forward = true, backward = true;
        string? oneway = tag("oneway")?.Trim().ToLowerInvariant();
        string? junction = tag("junction");
        if (oneway is "yes" or "1" or "true") backward = false;
        else if (oneway is "-1" or "reverse") forward = false;
        else if (oneway is "no" or "false" or "0") { }
        else if (junction is "roundabout" or "circular" || ImpliedOnewayClasses.Contains(highway)) backward = false;

        double? maxspeed = ParseMaxspeedKmh(tag("maxspeed"));
        double speed = maxspeed is { } m ? m * MaxspeedFactor : classSpeed;
        return new WayTraversal(highway, speed, forward, backward, maxspeed is not null);
    }

    /// <summary>Parses an OSM maxspeed value to km/h; null when absent or unusable (none, signals, walk…).</summary>
    public double? ParseMaxspeedKmh(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        double? best = null;
        foreach (string raw in value.Split(';'))
        {
            string v = raw.Trim();
            double? kmh = null;
            if (MaxspeedZonesKmh.TryGetValue(v, out double zone)) kmh = zone;
            else if (v.EndsWith("mph", StringComparison.OrdinalIgnoreCase))
            {
                if (double.TryParse(v[..^3].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double mph)) kmh = mph * 1.609344;
            }
            else if (v.EndsWith("km/h", StringComparison.OrdinalIgnoreCase) || v.EndsWith("kmh", StringComparison.OrdinalIgnoreCase))
            {
                string number = v.EndsWith("km/h", StringComparison.OrdinalIgnoreCase) ? v[..^4] : v[..^3];
                if (double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double k)) kmh = k;
            }
            else if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double k)) kmh = k;
            if (kmh is > 0 and < 400 && (best is null || kmh < best)) best = kmh;
        }
        return best;
    }

    private static CarProfile LoadEmbedded()
    {
        var assembly = typeof(CarProfile).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("car.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Embedded car profile missing.");
        return Load(stream);
    }

    private sealed class ProfileData
    {
        public string? Name { get; set; }
        public double MaxspeedFactor { get; set; } = 1.0;
        public Dictionary<string, double>? SpeedsKmh { get; set; }
        public Dictionary<string, double>? MaxspeedZonesKmh { get; set; }
        public List<string>? BlockedAccessValues { get; set; }
        public List<string>? ImpliedOnewayClasses { get; set; }
        [JsonPropertyName("comment")] public string? Comment { get; set; }
    }
}
