using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Territory.Core.Messages;
using Territory.Store.Users;
using Territory.Web.Auth;
using Territory.Web.Hosting;

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
            var error = erreur == "annuaire" ? Message.Of("auth_directory_failed") : null;
            return Page(http, options, SignInPage.SafeReturn(retour), error, null, StatusCodes.Status200OK);
        }).ExcludeFromDescription();
        app.MapPost(SignInPage.Path, SignIn).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(SignInPage.Path + "/annuaire", (HttpContext http, WebOptions options, string? retour) => options.Auth.Oidc.IsConfigured
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SignInPage.SafeReturn(retour) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Problems.Of(http, StatusCodes.Status404NotFound, Message.Of("auth_directory_not_configured"))).ExcludeFromDescription();

        var group = app.MapGroup("/api/auth").WithTags("Connexion");
        group.MapPost("/token", Token).WithName("CreateToken");
        group.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).WithName("SignOut");
        group.MapGet("/me", (UserContext users, UserDirectory directory, WebOptions options, HttpContext http) =>
        {
            var required = directory.SignInRequired;
            var user = users.Current;
            var signedIn = required && user.SignedIn;
            var lang = RequestLang.Of(http);
            return TypedResults.Ok(new Me(required, signedIn, user.Name, required && !signedIn ? null : user.Role.Code(), user.Source,
                options.Auth.Oidc.IsConfigured,
                signedIn ? Catalogue.Text(lang, "auth_user_badge", ("name", user.Name), ("role", user.Role.Code())) : null,
                Catalogue.Text(lang, "auth_sign_out")));
        }).WithName("GetCurrentUser");
    }

    private static async Task<IResult> SignIn(HttpContext http, WebOptions options, UserDirectory directory, SignInThrottle throttle)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = SignInPage.SafeReturn(form["retour"]);
        var name = form["name"].ToString();
        // A form posted from another site would sign the browser in under someone else's account.
        if (!SameOrigin(http))
            return Page(http, options, returnUrl, Message.Of("auth_other_origin"), name, StatusCodes.Status403Forbidden);
        if (Paused(http, throttle, name) is { } wait)
            return Page(http, options, returnUrl, wait, name, StatusCodes.Status429TooManyRequests);
        var user = Check(directory, throttle, name, form["password"]);
        if (user is null)
            return Page(http, options, returnUrl, Message.Of("auth_bad_credentials"), name, StatusCodes.Status401Unauthorized);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Redirect(returnUrl);
    }

    private static IResult Token(TokenRequest body, HttpContext http, WebOptions options, UserDirectory directory, SignInThrottle throttle,
        IOptionsMonitor<BearerTokenOptions> bearer)
    {
        if (Paused(http, throttle, body.Name ?? "") is { } wait)
            return Problems.Of(http, StatusCodes.Status429TooManyRequests, wait);
        var user = Check(directory, throttle, body.Name, body.Password);
        if (user is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Of(http, StatusCodes.Status401Unauthorized, Message.Of("auth_bad_credentials"));
        }
        var expires = DateTimeOffset.UtcNow + options.Auth.TokenLifetime;
        var ticket = new AuthenticationTicket(AuthSetup.Principal(user, BearerTokenDefaults.AuthenticationScheme),
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = expires }, BearerTokenDefaults.AuthenticationScheme);
        var token = bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket);
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
public sealed record Me(bool SignInRequired, bool SignedIn, string Name, string? Role, string Source, bool Directory, string? Label, string SignOutLabel);
