using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Territory.Store.Users;
using Territory.Web.Hosting;

namespace Territory.Web.Auth;

/// <summary>
/// Sign-in wiring: a cookie for the map, bearer tokens for scripts (both signed and dated by ASP.NET Core's data
/// protection), the organisation's OpenID Connect directory when configured, then <see cref="AccessGuard"/>.
/// </summary>
public static class AuthSetup
{
    /// <summary>The scheme that picks the bearer token when an <c>Authorization: Bearer</c> header is present, else the cookie.</summary>
    public const string Scheme = "Territory";

    /// <summary>Where the directory sends the user back after sign-in.</summary>
    public const string OidcCallbackPath = "/signin-oidc";

    /// <summary>Where the directory sends the user back after sign-out.</summary>
    public const string OidcSignedOutPath = "/signout-callback-oidc";

    /// <summary>Name of the map's session cookie.</summary>
    public const string CookieName = "territory_session";

    /// <summary>Registers authentication, the accounts and the current-user accessor.</summary>
    public static void AddTerritoryAuth(this IServiceCollection services, WebOptions options)
    {
        var auth = options.Auth;
        services.AddHttpContextAccessor();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserContext>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInAudit>();
        var protection = services.AddDataProtection().SetApplicationName("Territory");
        if (!string.IsNullOrWhiteSpace(auth.KeysDirectory))
            protection.PersistKeysToFileSystem(new DirectoryInfo(auth.KeysDirectory));
        var builder = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, p => p.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, b => b.BearerTokenExpiration = auth.TokenLifetime)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, c =>
            {
                c.Cookie.Name = CookieName;
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.SecurePolicy = auth.SecureCookies ?? !options.IsLoopback ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = auth.SessionLifetime;
                c.SlidingExpiration = true;
                c.LoginPath = SignInPage.Path;
                // The access guard answers for pages and the API; the handler's own redirects are never wanted on /api.
                c.Events.OnRedirectToLogin = e => Answer(e, StatusCodes.Status401Unauthorized);
                c.Events.OnRedirectToAccessDenied = e => Answer(e, StatusCodes.Status403Forbidden);
            });
        if (auth.Oidc.IsConfigured)
            builder.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, o => ConfigureOidc(o, auth.Oidc));
    }

    /// <summary>Forwarded headers (behind an HTTPS proxy), authentication, then the access guard.</summary>
    public static void UseTerritoryAuth(this WebApplication app, WebOptions options)
    {
        // After RequestGuard (which checks the Host the proxy sent): the original scheme, host and client address, from
        // a proxy on this machine or one of the known ones only (a page cannot add these headers without a preflight).
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        };
        foreach (var proxy in options.Auth.KnownProxies)
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(forwarded);
        app.UseAuthentication();
        app.UseMiddleware<AccessGuard>();
    }

    /// <summary>A signed-in local account as claims: its name, role and the source and stamp the guard checks.</summary>
    public static ClaimsPrincipal Principal(ProjectUser user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, user.Name),
        new Claim(ClaimTypes.Role, user.Role.Code()),
        new Claim(AccessGuard.SourceClaim, "local"),
        new Claim(AccessGuard.StampClaim, AccessGuard.Stamp(user)),
    ], scheme));

    private static Task Answer<T>(RedirectContext<T> e, int status) where T : AuthenticationSchemeOptions
    {
        if (e.Request.Path.StartsWithSegments("/api"))
            e.Response.StatusCode = status;
        else
            e.Response.Redirect(e.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.ResponseType = "code";
        // The answer comes back in the query string: the correlation cookies can stay SameSite=Lax.
        o.ResponseMode = "query";
        o.UsePkce = true;
        // Secure when the request is (HTTPS behind the proxy); Lax suffices with the answer in the query string.
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.CallbackPath = OidcCallbackPath;
        o.SignedOutCallbackPath = OidcSignedOutPath;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.MapInboundClaims = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        foreach (var scope in oidc.Scopes)
            o.Scope.Add(scope);
        o.Events.OnTokenValidated = context =>
        {
            var principal = context.Principal!;
            var role = OidcRoles.Map(principal, oidc);
            var name = principal.FindFirstValue(oidc.NameClaim) ?? principal.FindFirstValue("sub");
            var audit = context.HttpContext.RequestServices.GetRequiredService<SignInAudit>();
            if (role is null || string.IsNullOrWhiteSpace(name))
            {
                audit.Refused(name, "oidc", "no_role");
                context.Fail("no role");
                return Task.CompletedTask;
            }
            audit.SignedIn(name, "oidc");
            context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role.Value.Code()),
                new Claim(AccessGuard.SourceClaim, "oidc"),
            ], OpenIdConnectDefaults.AuthenticationScheme));
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            // A refusal by the role check above is already written; others (the directory refused, a broken answer) are written here.
            if (context.Failure?.Message.Contains("no role", StringComparison.Ordinal) != true)
                context.HttpContext.RequestServices.GetRequiredService<SignInAudit>().Refused(null, "oidc", "directory");
            context.Response.Redirect(SignInPage.Path + "?erreur=annuaire");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
