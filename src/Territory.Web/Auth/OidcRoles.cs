using System.Security.Claims;
using Territory.Store.Users;

namespace Territory.Web.Auth;

/// <summary>The Territory role of a user of the organisation's directory: the highest one their role claim's values map to.</summary>
public static class OidcRoles
{
    /// <summary>The role, or null when none of the claim's values maps to one (the user cannot sign in).</summary>
    /// <remarks>The claim may come once per value or as one JSON array (Keycloak, Entra ID); both are read.</remarks>
    public static UserRole? Map(ClaimsPrincipal principal, OidcOptions oidc)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(oidc);
        UserRole? best = null;
        foreach (var value in principal.FindAll(oidc.RoleClaim).SelectMany(c => Values(c.Value)))
        {
            var code = oidc.Roles.TryGetValue(value, out var mapped) ? mapped : value;
            if (UserRoles.TryParse(code, out var role) && (best is null || role > best))
                best = role;
        }
        return best;
    }

    private static IEnumerable<string> Values(string value)
    {
        if (!value.StartsWith('['))
            return [value];
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [value];
        }
    }
}
