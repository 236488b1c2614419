using System.Security.Claims;
using Territory.Core.Messages;
using Territory.Store.Users;
using Territory.Web.Hosting;

namespace Territory.Web.Auth;

/// <summary>
/// After authentication: who the request is from and whether their role allows it (<see cref="AccessRules"/>).
/// Without a valid session or token an API call is 401 and a page goes to the sign-in page; a role too low is 403.
/// When sign-in is off (loopback, no account, no directory) everything passes as the local user.
/// </summary>
public sealed class AccessGuard(RequestDelegate next, UserDirectory directory)
{
    /// <summary>Claim naming where the user signed in: <c>local</c> or <c>oidc</c>.</summary>
    public const string SourceClaim = "territory_source";

    /// <summary>Claim binding a local session or token to the password it was given for: a new password ends them.</summary>
    public const string StampClaim = "territory_stamp";

    /// <summary>A short digest of the account's password hash (never the hash itself).</summary>
    public static string Stamp(ProjectUser user) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.PasswordHash)))[..16];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!directory.SignInRequired)
        {
            UserContext.Set(context, CurrentUser.Local);
            await next(context);
            return;
        }
        var user = Resolve(context.User);
        if (user is not null)
            UserContext.Set(context, user);
        var request = context.Request;
        if (AccessRules.IsPublic(request.Path))
        {
            await next(context);
            return;
        }
        var api = request.Path.StartsWithSegments("/api");
        if (user is null)
        {
            if (api)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.Of(context, StatusCodes.Status401Unauthorized, Message.Of("auth_required")).ExecuteAsync(context);
            }
            else
            {
                context.Response.Redirect(SignInPage.Path + "?retour=" + Uri.EscapeDataString(request.Path + request.QueryString));
            }
            return;
        }
        var needed = AccessRules.Required(request);
        if (!user.Role.Allows(needed))
        {
            await Problems.Of(context, StatusCodes.Status403Forbidden, AccessDeniedException.For(user, needed).Reason).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// The user behind a principal. A local account is looked up again (removed: no longer signed in; demoted: the new
    /// role), so a change made with <c>territory users</c> applies to open sessions and tokens within seconds.
    /// </summary>
    private CurrentUser? Resolve(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.Identity.Name is not { Length: > 0 } name)
            return null;
        var source = principal.FindFirstValue(SourceClaim);
        if (source == "oidc")
            return UserRoles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var granted) ? new CurrentUser(name, granted, true, "oidc") : null;
        var account = directory.Find(name);
        return account is null || principal.FindFirstValue(StampClaim) != Stamp(account) ? null : new CurrentUser(account.Name, account.Role, true, "local");
    }
}
