namespace Territory.Planning.Location;

/// <summary>A site of the plan and what it serves.</summary>
/// <param name="Index">Row of the candidate in the request.</param>
/// <param name="Id">Candidate id.</param>
/// <param name="Fixed">True when it was kept open by the request (existing point).</param>
/// <param name="Existing">True for a presence point that exists today.</param>
/// <param name="Estates">Estates assigned to it.</param>
/// <param name="Dwellings">Dwellings assigned to it.</param>
public sealed record ChosenSite(int Index, string Id, bool Fixed, bool Existing, int Estates, long Dwellings);
