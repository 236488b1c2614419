namespace Territory.Planning.Matrix;

/// <summary>Why a site or an estate was left out of a matrix.</summary>
/// <param name="Code">Stable code, see <see cref="PointIssueCodes"/>.</param>
/// <param name="SnapDistanceMeters">Distance to the nearest road of the main network, metres, when one was found.</param>
public readonly record struct PointIssue(string Code, double? SnapDistanceMeters);
