namespace Territory.Planning.Service;

/// <summary>An existing presence point a plan closes, with the staff declared there.</summary>
/// <param name="Id">Presence point id.</param>
/// <param name="Name">Its name, when known.</param>
/// <param name="Kind">Kind code (<c>siege</c>, <c>agence</c>, <c>antenne</c>…).</param>
/// <param name="Staff">Collaborators declared there (site staff excluded), when declared.</param>
/// <param name="SiteStaff">Site staff (caretakers) attached there, when declared.</param>
public sealed record ClosedPoint(string Id, string? Name, string? Kind, int? Staff, int? SiteStaff)
{
    /// <summary>Declared staff, full-time equivalents (collaborators and site staff); null when none is declared.</summary>
    public double? StaffFte => Staff is null && SiteStaff is null ? null : (Staff ?? 0) + (SiteStaff ?? 0);

    /// <summary>True when people work there: closing it moves or ends their post.</summary>
    public bool Staffed => StaffFte > 0;
}
