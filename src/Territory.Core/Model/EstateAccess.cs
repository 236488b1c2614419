namespace Territory.Core.Model;

/// <summary>How staff reach an estate: from which agency, how long, how far.</summary>
/// <remarks>
/// <see cref="Estimated"/> is true when no road network was used (straight line × detour factor
/// at an average speed); every output that shows such a value says so.
/// </remarks>
public sealed record EstateAccess(
    string EstateId,
    string? AgencyId,
    double? DurationSeconds,
    double? DistanceMeters,
    bool Estimated,
    string? UnreachableReason = null);
