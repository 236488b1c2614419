namespace Territory.PostGis.Tiles;

/// <summary>The estates filter of a tile (null: no condition).</summary>
/// <param name="Types">Territory type codes kept; <c>none</c> keeps estates outside any territory.</param>
/// <param name="Landlord">Landlord kept.</param>
/// <param name="Agency">Agency id: estates it manages or the travel time is from.</param>
/// <param name="MinMinutes">Keeps estates farther than this, minutes (unreachable ones are kept).</param>
public sealed record EstateTileFilter(IReadOnlyCollection<string>? Types, string? Landlord, string? Agency, double? MinMinutes);
