using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>The project's last site plan, kept in the store (result <c>plan_sites</c>) for the presence plan's sites hook and the map.</summary>
/// <remarks>
/// The input key is the data version the plan was computed at: once a layer changes, the stored plan no
/// longer describes the project and <see cref="Read"/> returns null (the plan says « à localiser » again).
/// </remarks>
public static class SitePlanStore
{
    /// <summary>Name of the stored result.</summary>
    public const string ResultName = "plan_sites";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Stores <paramref name="plan"/> as the project's site plan (replacing the previous one).</summary>
    public static void Write(IProjectStore store, SitePlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        store.WriteResult(ResultName, Key(plan.DataVersion), JsonSerializer.SerializeToUtf8Bytes(plan, Json));
    }

    /// <summary>The stored plan when it was computed at the project's current data version; null otherwise.</summary>
    public static SitePlanResult? Read(IProjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = store.ReadResult(ResultName);
        if (stored is null || stored.InputKey != Key(store.DataVersion)) return null;
        try
        {
            return JsonSerializer.Deserialize<SitePlanResult>(stored.Payload, Json);
        }
        catch (JsonException)
        {
            // Written by another version of the product: as if there were none.
            return null;
        }
    }

    /// <summary>The plan's new sites (existing points aside) with the estates each serves, for the presence plan's sites hook.</summary>
    public static IReadOnlyList<SitePlacement> Placements(SitePlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var served = plan.Assignments.Where(a => a.SiteId is not null && a.Status == "served").GroupBy(a => a.SiteId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.EstateId).ToList(), StringComparer.Ordinal);
        return plan.Sites.Where(s => !s.Existing)
            .Select(s => new SitePlacement(s.Id, s.Name, AgencyKinds.TryParse(s.Kind, out var k) ? k : AgencyKind.LieuRelais, served.GetValueOrDefault(s.Id) ?? []))
            .ToList();
    }

    private static string Key(long dataVersion) => "data_version=" + dataVersion.ToString(CultureInfo.InvariantCulture);
}
