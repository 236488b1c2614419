namespace Territory.Planning.Service;

/// <summary>An existing presence point a plan closes, with the staff declared there.</summary>
/// <param name="Id">Presence point id.</param>
/// <param name="Name">Its name, when known.</param>
/// <param name="Kind">Kind code (<c>siege</c>, <c>agence</c>, <c>antenne</c>…).</param>
/// <param name="Staff">Collaborators declared there (site staff excluded), when declared.</param>
/// <param name="SiteStaff">Site staff (caretakers) attached there, when declared.</param>
public sealed record ClosedPoint(string Id, string? Name, string? Kind, int? Staff, int? SiteStaff)
{
    /// <summary>Declared staff, people (collaborators and site staff, as the agencies layer counts them); null when none is declared.</summary>
    /// <remarks>A headcount, not full-time equivalents: the agencies layer declares how many people work at a point.</remarks>
    public int? StaffTotal => Staff is null && SiteStaff is null ? null : (Staff ?? 0) + (SiteStaff ?? 0);

    /// <summary>True when people work there: closing it moves or ends their post.</summary>
    public bool Staffed => StaffTotal > 0;
}
