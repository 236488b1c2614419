namespace Territory.Web.Auth;

/// <summary>Sign-in through the organisation's directory (an OpenID Connect provider: Keycloak, Entra ID, LemonLDAP::NG…).</summary>
public sealed class OidcOptions
{
    /// <summary>The provider's address (its <c>/.well-known/openid-configuration</c> is read from there).</summary>
    public string? Authority { get; set; }

    /// <summary>This application's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>This application's client secret (confidential client), or null for a public client with PKCE.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the user's role or groups (e.g. <c>roles</c>, <c>groups</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim used as the user's name in audits and scenarios.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>
    /// Value of <see cref="RoleClaim"/> → Territory role (<c>lecture</c>, <c>planification</c>, <c>administration</c>).
    /// The role codes themselves are always understood; a user with none of these values cannot sign in.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Scopes asked for besides <c>openid</c> and <c>profile</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>False only for a provider on plain HTTP in a test or on this computer.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when the provider and the client id are given.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
