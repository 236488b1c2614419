using System.Text.Json;

namespace Territory.Cli.Tests.Commands;

/// <summary>The <c>analyse --json</c> contract of a territory's plan, stakes, staff and caretaking, and the plan's exclusive pairs.</summary>
internal static class PlanContract
{
    private static readonly string[] Statuses = ["present", "to_create", "to_reinforce", "not_retained"];
    private static readonly string[] CaretakingStatuses = ["applies", "not_applicable", "to_check", "not_assessable"];

    public static void AssertTerritory(JsonElement t)
    {
        var id = t.GetProperty("id").GetString();
        var plan = t.GetProperty("presence").EnumerateArray().ToList();
        foreach (var p in plan)
        {
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("form").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("label").GetString()), id);
            Assert.Contains(p.GetProperty("status").GetString(), Statuses);
            Assert.EndsWith(".", p.GetProperty("reason").GetString(), StringComparison.Ordinal);
            var trigger = p.GetProperty("trigger");
            Assert.False(string.IsNullOrWhiteSpace(trigger.GetProperty("name").GetString()), id);
            Assert.Equal(JsonValueKind.Number, trigger.GetProperty("threshold").ValueKind);
            if (p.GetProperty("status").GetString() is "to_create" or "to_reinforce" && p.GetProperty("quantity").ValueKind == JsonValueKind.Number && p.GetProperty("unit").GetString() != "fte")
                Assert.Equal(JsonValueKind.Array, p.GetProperty("sites").ValueKind);
        }
        AssertNoExclusivePair(id!, plan, t.GetProperty("own_dwellings").GetInt32());
        Assert.All(t.GetProperty("stakes").EnumerateArray(), s => Assert.EndsWith(".", s.GetString(), StringComparison.Ordinal));
        var staff = t.GetProperty("staff");
        foreach (var name in new[] { "needed_site_fte", "declared_site_fte", "needed_proximity_fte", "declared_proximity_fte", "drive_hours_per_week", "gap_fte" })
            Assert.Equal(JsonValueKind.Number, staff.GetProperty(name).ValueKind);
        var care = t.GetProperty("caretaking");
        Assert.Contains(care.GetProperty("status").GetString(), CaretakingStatuses);
        foreach (var name in new[] { "required_fte", "declared_fte", "deficit_fte" })
            Assert.Equal(JsonValueKind.Number, care.GetProperty(name).ValueKind);
        foreach (var l in care.GetProperty("landlords").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, l.GetProperty("landlord").ValueKind);
            Assert.Equal(JsonValueKind.Number, l.GetProperty("required_fte").ValueKind);
            Assert.Equal(JsonValueKind.Number, l.GetProperty("declared_fte").ValueKind);
        }
    }

    /// <summary>Lodges on site vs mobile stops, relay place vs mobile agency, lodges vs grouped office, agency vs antenna, and no agency or antenna in a small part.</summary>
    public static void AssertNoExclusivePair(string id, IReadOnlyList<JsonElement> plan, int ownDwellings)
    {
        var retained = plan.Where(p => p.GetProperty("status").GetString() != "not_retained").Select(p => p.GetProperty("form").GetString()).ToHashSet();
        Assert.Equal(plan.Count, plan.Select(p => p.GetProperty("form").GetString()).Distinct().Count());
        Assert.False(retained.Contains("mobile_agency") && (retained.Contains("site_caretakers") || retained.Contains("reinforced_site_management")), id);
        Assert.False(retained.Contains("mobile_agency") && retained.Contains("relay_place"), id);
        Assert.False(retained.Contains("site_caretakers") && retained.Contains("grouped_office"), id);
        Assert.False(retained.Contains("district_agency") && retained.Contains("district_antenna"), id);
        Assert.False(retained.Contains("relay_place") && (retained.Contains("grouped_office") || retained.Contains("district_antenna") || retained.Contains("district_agency")), id);
        if (retained.Contains("district_agency") || retained.Contains("district_antenna"))
            Assert.True(ownDwellings >= 100, $"{id}: an agency or antenna for {ownDwellings} dwellings");
    }
}
