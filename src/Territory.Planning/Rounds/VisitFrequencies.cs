namespace Territory.Planning.Rounds;

/// <summary>Stable codes of <see cref="VisitFrequency"/> (<c>weekly</c>, <c>fortnightly</c>) for files and command lines.</summary>
public static class VisitFrequencies
{
    public static string Code(this VisitFrequency frequency) => frequency switch
    {
        VisitFrequency.Weekly => "weekly",
        VisitFrequency.Fortnightly => "fortnightly",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>Frequency from its code (case-insensitive); false for an unknown code.</summary>
    public static bool TryParse(string? code, out VisitFrequency frequency)
    {
        foreach (var f in Enum.GetValues<VisitFrequency>())
            if (string.Equals(f.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase)) { frequency = f; return true; }
        frequency = VisitFrequency.Weekly;
        return false;
    }
}
