using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Territory.Core.Messages;
using Territory.Store.Users;
using Territory.Web.Auth;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// Signing in: the map's sign-in page and form (a session cookie), the organisation's directory (OpenID Connect),
/// bearer tokens for scripts (<c>POST /api/auth/token</c>), signing out, and who the current user is.
/// </summary>
public static class AuthApi
{
    // Verified when the name is unknown, so that an unknown name takes as long as a wrong password.
    private static readonly ProjectUser Nobody = new("-", UserRole.Lecture, Passwords.Hash("-", Guid.NewGuid().ToString("N")), default, default);

    public static void MapAuthApi(this WebApplication app)
    {
        app.MapGet(SignInPage.Path, (HttpContext http, WebOptions options, string? retour, string? erreur) =>
        {
            var error = erreur == "annuaire" ? Message.Of("auth_directory_failed") : HttpsRequired(http, options) ? Message.Of("auth_https_required") : null;
            return Page(http, options, SignInPage.SafeReturn(retour), error, null, StatusCodes.Status200OK);
        }).ExcludeFromDescription();
        app.MapPost(SignInPage.Path, SignIn).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(SignInPage.Path + "/annuaire", (HttpContext http, WebOptions options, string? retour) => options.Auth.Oidc.IsConfigured
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SignInPage.SafeReturn(retour) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Problems.Of(http, StatusCodes.Status404NotFound, Message.Of("auth_directory_not_configured"))).ExcludeFromDescription();

        var group = app.MapGroup("/api/auth").WithTags("Connexion");
        group.MapPost("/token", Token).WithName("CreateToken");
        group.MapPost("/logout", async (HttpContext http, UserContext users, SignInAudit audit) =>
        {
            var user = users.Current;
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (user.SignedIn)
                audit.SignedOut(user.Name, user.Source);
            return TypedResults.NoContent();
        }).WithName("SignOut");
        group.MapGet("/me", (UserContext users, UserDirectory directory, WebOptions options, HttpContext http, ProjectSession session) =>
        {
            var required = directory.SignInRequired;
            var user = users.Current;
            var signedIn = required && user.SignedIn;
            var lang = RequestLang.Of(http);
            // Said once to a user whose unsaved scenario was let go while they were away.
            var notice = signedIn ? session.TakeEvictionNotice() : null;
            return TypedResults.Ok(new Me(required, signedIn, user.Name, required && !signedIn ? null : user.Role.Code(), user.Source,
                options.Auth.Oidc.IsConfigured,
                signedIn ? Catalogue.Text(lang, "auth_user_badge", ("name", user.Name), ("role", user.Role.Code())) : null,
                Catalogue.Text(lang, "auth_sign_out"), notice?.Code, notice?.Render(lang)));
        }).WithName("GetCurrentUser");
    }

    private static async Task<IResult> SignIn(HttpContext http, WebOptions options, UserDirectory directory, SignInThrottle throttle, SignInAudit audit)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = SignInPage.SafeReturn(form["retour"]);
        var name = form["name"].ToString();
        // A form posted from another site would sign the browser in under someone else's account.
        if (!SameOrigin(http))
            return Page(http, options, returnUrl, Message.Of("auth_other_origin"), name, StatusCodes.Status403Forbidden);
        if (HttpsRequired(http, options))
        {
            audit.Refused(name, "form", "https_required");
            return Page(http, options, returnUrl, Message.Of("auth_https_required"), name, StatusCodes.Status400BadRequest);
        }
        if (Paused(http, throttle, name) is { } wait)
        {
            audit.Refused(name, "form", "paused");
            return Page(http, options, returnUrl, wait, name, StatusCodes.Status429TooManyRequests);
        }
        var user = Check(directory, throttle, name, form["password"]);
        if (user is null)
        {
            audit.Refused(name, "form", "bad_credentials");
            return Page(http, options, returnUrl, Message.Of("auth_bad_credentials"), name, StatusCodes.Status401Unauthorized);
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        audit.SignedIn(user.Name, "form");
        return Results.Redirect(returnUrl);
    }

    private static IResult Token(TokenRequest body, HttpContext http, WebOptions options, UserDirectory directory, SignInThrottle throttle,
        IOptionsMonitor<BearerTokenOptions> bearer, SignInAudit audit)
    {
        if (Paused(http, throttle, body.Name ?? "") is { } wait)
        {
            audit.Refused(body.Name, "token", "paused");
            return Problems.Of(http, StatusCodes.Status429TooManyRequests, wait);
        }
        var user = Check(directory, throttle, body.Name, body.Password);
        if (user is null)
        {
            audit.Refused(body.Name, "token", "bad_credentials");
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Of(http, StatusCodes.Status401Unauthorized, Message.Of("auth_bad_credentials"));
        }
        var expires = DateTimeOffset.UtcNow + options.Auth.TokenLifetime;
        var ticket = new AuthenticationTicket(AuthSetup.Principal(user, BearerTokenDefaults.AuthenticationScheme),
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = expires }, BearerTokenDefaults.AuthenticationScheme);
        var token = bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket);
        audit.SignedIn(user.Name, "token");
        return TypedResults.Ok(new TokenAnswer(token, "Bearer", expires, user.Name, user.Role.Code()));
    }

    /// <summary>The account when the password is its own, else null (same work whether the name exists or not).</summary>
    private static ProjectUser? Check(UserDirectory directory, SignInThrottle throttle, string? name, string? password)
    {
        var user = string.IsNullOrWhiteSpace(name) ? null : directory.Find(name);
        var ok = Passwords.Verify(user ?? Nobody, password);
        throttle.Record(name ?? "", user is not null && ok);
        return user is not null && ok ? user : null;
    }

    /// <summary>The refusal while the name is paused after repeated wrong passwords (with <c>Retry-After</c>), or null.</summary>
    private static Message? Paused(HttpContext http, SignInThrottle throttle, string name)
    {
        if (throttle.Wait(name) is not { } wait)
            return null;
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Message.Of("auth_paused", ("seconds", seconds));
    }

    /// <summary>
    /// True when the session cookie would be marked <c>Secure</c> but the page came over plain HTTP to a name other than
    /// this computer's: browsers drop such a cookie, and the user would come back to the sign-in page without a word.
    /// </summary>
    private static bool HttpsRequired(HttpContext http, WebOptions options)
    {
        var secure = options.Auth.SecureCookies ?? !options.IsLoopback;
        if (!secure || http.Request.IsHttps)
            return false;
        var host = http.Request.Host.Host;
        return !(host == "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip)));
    }

    private static bool SameOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null")
            return origin.Length == 0; // Old browsers send none; a sandboxed or privacy-stripped form sends "null".
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static IResult Page(HttpContext http, WebOptions options, string returnUrl, Message? error, string? name, int status) =>
        Results.Content(SignInPage.Render(RequestLang.Of(http), returnUrl, error, name, options.Auth.Oidc.IsConfigured), "text/html; charset=utf-8",
            statusCode: status);
}

/// <summary>Body of <c>POST /api/auth/token</c>.</summary>
public sealed record TokenRequest(string? Name, string? Password);

/// <summary>A bearer token: send it as <c>Authorization: Bearer …</c> until <paramref name="ExpiresAt"/>.</summary>
public sealed record TokenAnswer(string Token, string TokenType, DateTimeOffset ExpiresAt, string Name, string Role);

/// <summary>Who is signed in: <paramref name="SignInRequired"/> false on a laptop without accounts (everything allowed).</summary>
/// <param name="Label">The user's badge in the request's language (name and role), when signed in.</param>
/// <param name="SignOutLabel">The sign-out button's text in the request's language.</param>
/// <param name="NoticeCode">The code of a notice for this user (<c>session_scenario_evicted</c>), or null.</param>
/// <param name="Notice">That notice in the request's language, or null.</param>
public sealed record Me(bool SignInRequired, bool SignedIn, string Name, string? Role, string Source, bool Directory, string? Label, string SignOutLabel,
    string? NoticeCode = null, string? Notice = null);
