namespace Territory.Web.Auth;

/// <summary>Sign-in settings of the map server (configuration section <c>Territory:Auth</c>, environment <c>Territory__Auth__…</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>How long a token from <c>POST /api/auth/token</c> stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a map session lasts without activity (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Cookies sent over HTTPS only (null: yes off loopback, where the server sits behind an HTTPS proxy; as the request on this computer).</summary>
    public bool? SecureCookies { get; set; }

    /// <summary>Where the keys that sign cookies and tokens are kept (null: ASP.NET Core's default, <c>~/.aspnet/DataProtection-Keys</c>).</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>
    /// Addresses of reverse proxies on other machines whose <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-Host</c> are trusted; a proxy on this machine (loopback) always is.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The organisation's directory (OpenID Connect), when configured.</summary>
    public OidcOptions Oidc { get; set; } = new();
}
