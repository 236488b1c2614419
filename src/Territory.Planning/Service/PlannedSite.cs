namespace Territory.Planning.Service;

/// <summary>A site the plan chose, where it comes from, where it is and what it serves.</summary>
/// <param name="Id">Candidate id (an existing point's id, the imported row's id, <c>commune:INSEE</c>, <c>qpv:CODE</c>).</param>
/// <param name="Name">Display name, when known.</param>
/// <param name="Kind">Kind code: the existing point's kind, or the kind the plan would create.</param>
/// <param name="Source">Source code (<c>existing</c>, <c>imported</c>, <c>commune_main_town</c>, <c>qpv_centre</c>, see <see cref="Candidates.CandidateSources"/>).</param>
/// <param name="SourceRef">Id of the object it comes from (agency id, INSEE code, QPV code, row id).</param>
/// <param name="Lon">Longitude, WGS84 degrees.</param>
/// <param name="Lat">Latitude, WGS84 degrees.</param>
/// <param name="X">Easting in the project's working CRS.</param>
/// <param name="Y">Northing in the project's working CRS.</param>
/// <param name="Existing">True for a presence point that exists today.</param>
/// <param name="Kept">True when it was kept open by the request (<c>--keep-existing</c>).</param>
/// <param name="Estates">Estates it serves within T.</param>
/// <param name="Dwellings">Dwellings it serves within T.</param>
/// <param name="YearlyCost">Yearly cost the candidate declares, euros; null when unknown (existing points: not counted).</param>
public sealed record PlannedSite(
    string Id, string? Name, string Kind, string Source, string? SourceRef,
    double Lon, double Lat, double X, double Y, bool Existing, bool Kept, int Estates, long Dwellings, double? YearlyCost = null);
