using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Core.Messages;

namespace Territory.Core.Typology;

/// <summary>All thresholds of the analysis: classification, density estimate, travel fallback, presence, caretaking.</summary>
/// <remarks>
/// Defaults are embedded (property initialisers); a JSON file only needs the keys it changes.
/// Property names are camelCase; unknown keys are errors. See <c>docs/typologie.md</c>.
/// </remarks>
public sealed class TypologyConfig
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    private static readonly string[] RampKeys = ["from", "to"];

    /// <summary>Type scores.</summary>
    public ClassificationSettings Classification { get; init; } = new();
    /// <summary>Density level estimate.</summary>
    public DensitySettings Density { get; init; } = new();
    /// <summary>Travel-time fallback and isolation radius.</summary>
    public TravelSettings Travel { get; init; } = new();
    /// <summary>Presence recommendation thresholds.</summary>
    public PresenceSettings Presence { get; init; } = new();
    /// <summary>Caretaking obligation check.</summary>
    public CaretakingSettings Caretaking { get; init; } = new();
    /// <summary>Need model of means against needs (staff ratios per type, working week).</summary>
    public StaffSettings Staff { get; init; } = new();

    /// <summary>A fresh copy of the embedded defaults (its lists and dictionaries may be changed freely).</summary>
    public static TypologyConfig Default => new();

    /// <summary>Reads and validates a JSON file; throws <see cref="TypologyConfigException"/> naming the bad key.</summary>
    public static TypologyConfig Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses and validates JSON text; throws <see cref="TypologyConfigException"/> naming the bad key.</summary>
    public static TypologyConfig Parse(string json)
    {
        TypologyConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<TypologyConfig>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new TypologyConfigException([TypologyConfigErrors.FromJson(ex)], ex);
        }
        if (config is null)
            throw new TypologyConfigException([Message.Of("config_empty")]);
        var errors = config.Validate();
        if (errors.Count > 0)
            throw new TypologyConfigException(errors);
        return config;
    }

    /// <summary>This configuration as indented JSON (what a user edits).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Checks ranges and names; returns one message per problem, each naming its key (empty when valid).</summary>
    public IReadOnlyList<Message> Validate()
    {
        var e = new List<Message>();
        var c = Classification;
        CheckRamp(e, "classification.qpvShare", c.QpvShare, 0, 1);
        CheckRamp(e, "classification.qpvDwellings", c.QpvDwellings, 0, double.MaxValue);
        CheckRamp(e, "classification.collectiveShare", c.CollectiveShare, 0, 1);
        CheckRamp(e, "classification.individualHousing", c.IndividualHousing, 0, 1);
        CheckRamp(e, "classification.urbanDensity", c.UrbanDensity, 1, 7);
        CheckRamp(e, "classification.ruralDensity", c.RuralDensity, 1, 7);
        CheckRamp(e, "classification.nearbyLandlordDwellings", c.NearbyLandlordDwellings, 0, double.MaxValue);
        CheckRamp(e, "classification.dwellingsPerEstate", c.DwellingsPerEstate, 0, double.MaxValue);
        CheckRamp(e, "classification.districtPopulation", c.DistrictPopulation, 0, double.MaxValue);
        if (c.TownDensityMin is < 1 or > 7 || c.TownDensityMax is < 1 or > 7 || c.TownDensityMin > c.TownDensityMax)
            e.Add(Message.Of("config_town_density", ("key", "classification.townDensityMin/townDensityMax")));
        if (c.UnknownScore is < 0 or > 1)
            e.Add(Message.Of("config_between_0_1", ("key", "classification.unknownScore")));
        CheckWeights(e, c.Weights);

        for (var i = 0; i < Density.Rules.Count; i++)
        {
            var r = Density.Rules[i];
            if (r.Level is < 1 or > 7) e.Add(Message.Of("config_density_level", ("key", $"density.rules[{i}].level")));
            if (r.MinPopulation < 0) e.Add(Message.Of("config_at_least_zero", ("key", $"density.rules[{i}].minPopulation")));
            if (r.MinDensityPerKm2 < 0) e.Add(Message.Of("config_at_least_zero", ("key", $"density.rules[{i}].minDensityPerKm2")));
        }
        if (Density.FallbackLevel is < 1 or > 7) e.Add(Message.Of("config_density_level", ("key", "density.fallbackLevel")));

        Positive(e, "travel.detourFactor", Travel.DetourFactor);
        Positive(e, "travel.averageSpeedKmh", Travel.AverageSpeedKmh);
        Positive(e, "travel.isolationRadiusMeters", Travel.IsolationRadiusMeters);
        Positive(e, "presence.farFromAgencyMinutes", Presence.FarFromAgencyMinutes);
        if (Presence.InterLandlordMinLandlords < 2) e.Add(Message.Of("config_at_least_two", ("key", "presence.interLandlordMinLandlords")));
        Positive(e, "presence.largeQpvDwellings", Presence.LargeQpvDwellings);
        var p = Presence;
        Positive(e, "presence.relayReachMinutes", p.RelayReachMinutes);
        Positive(e, "presence.relayMinDwellings", p.RelayMinDwellings);
        Positive(e, "presence.mobileStopReachMinutes", p.MobileStopReachMinutes);
        Share(e, "presence.coveredShare", p.CoveredShare);
        Positive(e, "presence.lodgeMinDwellings", p.LodgeMinDwellings);
        Positive(e, "presence.groupedOfficeMinDwellings", p.GroupedOfficeMinDwellings);
        Positive(e, "presence.officeReachMinutes", p.OfficeReachMinutes);
        Positive(e, "presence.districtPartMinDwellings", p.DistrictPartMinDwellings);
        Positive(e, "presence.districtAgencyDwellings", p.DistrictAgencyDwellings);
        Positive(e, "presence.oldStockBefore", p.OldStockBefore);
        Share(e, "presence.oldStockShare", p.OldStockShare);
        Positive(e, "presence.highPovertyRate", p.HighPovertyRate);
        Positive(e, "caretaking.ensembleLinkMeters", Caretaking.EnsembleLinkMeters);
        Positive(e, "caretaking.minDwellings", Caretaking.MinDwellings);
        Positive(e, "caretaking.minCommunePopulation", Caretaking.MinCommunePopulation);
        Positive(e, "caretaking.dwellingsPerFte", Caretaking.DwellingsPerFte);
        Positive(e, "caretaking.lodgeRadiusMeters", Caretaking.LodgeRadiusMeters);
        Positive(e, "caretaking.minUrbanAreaPopulation", Caretaking.MinUrbanAreaPopulation);
        Positive(e, "caretaking.minUrbanAreaCommunePopulation", Caretaking.MinUrbanAreaCommunePopulation);
        CheckStaff(e, Staff);
        return e;
    }

    private static void CheckRamp(List<Message> e, string key, Ramp? ramp, double min, double max)
    {
        if (ramp is null)
        {
            e.Add(Message.Of("config_ramp_expected", ("key", key), ("from", RampKeys[0]), ("to", RampKeys[1])));
            return;
        }
        if (ramp.From == ramp.To) e.Add(Message.Of("config_ramp_equal", ("key", key)));
        if (ramp.From < min || ramp.From > max || ramp.To < min || ramp.To > max)
            e.Add(Message.Of("config_ramp_range", ("key", key), ("min", min), ("max", max == double.MaxValue ? "∞" : max)));
    }

    private static void CheckWeights(List<Message> e, Dictionary<string, Dictionary<string, double>>? weights)
    {
        if (weights is null) return;
        var defaults = ClassificationSettings.DefaultWeights();
        foreach (var (type, criteria) in weights)
        {
            if (!defaults.TryGetValue(type, out var known))
            {
                e.Add(Message.Of("config_unknown_type", ("key", $"classification.weights.{type}"), ("known", string.Join(", ", defaults.Keys))));
                continue;
            }
            foreach (var (name, w) in criteria)
            {
                if (!known.ContainsKey(name))
                    e.Add(Message.Of("config_unknown_criterion", ("key", $"classification.weights.{type}.{name}"), ("known", string.Join(", ", known.Keys))));
                else if (w < 0 || double.IsNaN(w))
                    e.Add(Message.Of("config_negative_weight", ("key", $"classification.weights.{type}.{name}")));
            }
        }
    }

    private static void CheckStaff(List<Message> e, StaffSettings? staff)
    {
        if (staff is null)
        {
            e.Add(Message.Of("config_object_expected", ("key", "staff")));
            return;
        }
        Positive(e, "staff.weeklyHours", staff.WeeklyHours);
        var known = StaffSettings.DefaultRatios();
        foreach (var (type, ratio) in staff.ByType ?? new Dictionary<string, StaffRatio>())
        {
            if (!known.ContainsKey(type))
            {
                e.Add(Message.Of("config_unknown_type", ("key", $"staff.byType.{type}"), ("known", string.Join(", ", known.Keys))));
                continue;
            }
            if (ratio is null)
            {
                e.Add(Message.Of("config_object_expected", ("key", $"staff.byType.{type}")));
                continue;
            }
            if (ratio.SiteDwellingsPerFte is { } site && !(site >= 0)) e.Add(Message.Of("config_at_least_zero", ("key", $"staff.byType.{type}.siteDwellingsPerFte")));
            if (ratio.ProximityDwellingsPerFte is { } proximity)
                Positive(e, $"staff.byType.{type}.proximityDwellingsPerFte", proximity);
            if (ratio.VisitsPerYear is { } visits && !(visits >= 0)) e.Add(Message.Of("config_at_least_zero", ("key", $"staff.byType.{type}.visitsPerYear")));
        }
    }

    private static void Share(List<Message> e, string key, double value)
    {
        if (!(value > 0 && value <= 1)) e.Add(Message.Of("config_share", ("key", key)));
    }

    private static void Positive(List<Message> e, string key, double value)
    {
        if (!(value > 0)) e.Add(Message.Of("config_positive", ("key", key)));
    }
}
