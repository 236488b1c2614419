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

    // The words a stops file may use besides the codes (French first: files come from French offices).
    private static readonly Dictionary<string, VisitFrequency> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hebdomadaire"] = VisitFrequency.Weekly, ["semaine"] = VisitFrequency.Weekly, ["chaque semaine"] = VisitFrequency.Weekly,
        ["1"] = VisitFrequency.Weekly, ["w"] = VisitFrequency.Weekly,
        ["quinzaine"] = VisitFrequency.Fortnightly, ["quinzomadaire"] = VisitFrequency.Fortnightly, ["bimensuel"] = VisitFrequency.Fortnightly,
        ["bimensuelle"] = VisitFrequency.Fortnightly, ["une semaine sur deux"] = VisitFrequency.Fortnightly, ["1 semaine sur 2"] = VisitFrequency.Fortnightly,
        ["toutes les deux semaines"] = VisitFrequency.Fortnightly, ["2"] = VisitFrequency.Fortnightly, ["biweekly"] = VisitFrequency.Fortnightly,
    };

    /// <summary>
    /// Frequency from its code or a usual word (case-insensitive: <c>weekly</c>, <c>hebdomadaire</c>, <c>1</c>;
    /// <c>fortnightly</c>, <c>quinzaine</c>, <c>une semaine sur deux</c>, <c>2</c>…); false for anything else.
    /// </summary>
    public static bool TryParse(string? code, out VisitFrequency frequency)
    {
        var text = code?.Trim() ?? "";
        foreach (var f in Enum.GetValues<VisitFrequency>())
            if (string.Equals(f.Code(), text, StringComparison.OrdinalIgnoreCase)) { frequency = f; return true; }
        if (Words.TryGetValue(text, out frequency)) return true;
        frequency = VisitFrequency.Weekly;
        return false;
    }
}
