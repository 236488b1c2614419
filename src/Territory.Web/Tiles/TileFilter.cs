using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Territory.Web.Tiles;

/// <summary>
/// The estates filter of the map's « Filtres » tab, applied by the server before the tile is cut (and before
/// estates are gathered into cells at small scales, so an aggregate counts only what the filter keeps).
/// </summary>
/// <param name="Types">Territory type codes kept, or null for all; the code <c>none</c> keeps estates outside any territory.</param>
/// <param name="Landlord">Landlord kept, or null for all.</param>
/// <param name="Agency">Agency id: estates it manages or travels to, or null for all.</param>
/// <param name="MinMinutes">Keeps estates farther than this (minutes; unreachable ones count as farther than any), or null.</param>
public sealed record TileFilter(IReadOnlySet<string>? Types, string? Landlord, string? Agency, double? MinMinutes)
{
    /// <summary>No filter.</summary>
    public static readonly TileFilter None = new(null, null, null, null);

    /// <summary>Code standing for « not in a territory » in <see cref="Types"/>.</summary>
    public const string NoType = "none";

    /// <summary>True when nothing is filtered.</summary>
    public bool IsNone => Types is null && Landlord is null && Agency is null && MinMinutes is null;

    /// <summary>A stable text of the filter (cache key, ETag).</summary>
    public string Key => IsNone ? "" : string.Join('|',
        Types is null ? "*" : string.Join(',', Types.Order(StringComparer.Ordinal)),
        Landlord ?? "*", Agency ?? "*", MinMinutes?.ToString("R", CultureInfo.InvariantCulture) ?? "*");

    /// <summary>Whether an estate passes (the same test as <c>estateMatches</c> in the map's script).</summary>
    public bool Keeps(string? type, string? landlord, string? agency, string? travelAgency, double? minutes)
    {
        if (Types is not null && !Types.Contains(type ?? NoType))
            return false;
        if (Landlord is not null && !string.Equals(landlord, Landlord, StringComparison.Ordinal))
            return false;
        if (Agency is not null && !string.Equals(agency, Agency, StringComparison.Ordinal) && !string.Equals(travelAgency, Agency, StringComparison.Ordinal))
            return false;
        if (MinMinutes is double m && minutes is double v && v <= m)
            return false;
        return true;
    }

    /// <summary>
    /// Reads <c>types</c> (comma-separated codes), <c>landlord</c>, <c>agency</c> and <c>minutes</c> from the query string;
    /// null when a value is malformed.
    /// </summary>
    public static TileFilter? Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        HashSet<string>? types = null;
        if (query.TryGetValue("types", out var t))
            types = new HashSet<string>(t.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        double? minutes = null;
        if (query.TryGetValue("minutes", out var m) && m.ToString().Length > 0)
        {
            if (!double.TryParse(m.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
                return null;
            minutes = v;
        }
        static string? Text(IQueryCollection q, string name) => q.TryGetValue(name, out var v) && v.ToString().Length > 0 ? v.ToString() : null;
        var filter = new TileFilter(types, Text(query, "landlord"), Text(query, "agency"), minutes);
        return filter.IsNone ? None : filter;
    }
}
