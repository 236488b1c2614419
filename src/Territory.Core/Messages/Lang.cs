namespace Territory.Core.Messages;

/// <summary>The languages every user-facing text exists in. French is the default.</summary>
public enum Lang
{
    /// <summary>French (default of every command, the map and the API).</summary>
    Fr,
    /// <summary>English (<c>--lang en</c>, the map's EN switch, <c>Accept-Language: en</c>).</summary>
    En,
}

/// <summary>Parsing of language tags.</summary>
public static class Langs
{
    /// <summary>Language from a tag such as <c>fr</c>, <c>en</c>, <c>en-GB</c> or an <c>Accept-Language</c> header; French when unknown or absent.</summary>
    public static Lang Parse(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return Lang.Fr;
        // Accept-Language: the first listed language that we have wins (weights are rarely used by browsers for our pair).
        foreach (var part in tag.Split(','))
        {
            var code = part.Split(';')[0].Trim();
            if (code.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
                return Lang.Fr;
            if (code.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return Lang.En;
        }
        return Lang.Fr;
    }

    /// <summary>True when <paramref name="tag"/> names a language we have (<c>fr</c> or <c>en</c>, any region).</summary>
    public static bool IsKnown(string? tag) =>
        tag is not null && (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en", StringComparison.OrdinalIgnoreCase));

    /// <summary>The two-letter tag (<c>fr</c>, <c>en</c>).</summary>
    public static string Tag(this Lang lang) => lang == Lang.En ? "en" : "fr";
}
