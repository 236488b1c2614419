using Territory.Store.Users;

namespace Territory.Web.Auth;

/// <summary>
/// The role each call needs, in one table: reading (the map, layers, details, exports) needs <c>lecture</c>; changing
/// one's own scenario or plan needs <c>planification</c>; imports, saving as the reference network and accounts need
/// <c>administration</c> (as does writing a named scenario as the reference network, <c>POST /api/scenarios/{name}/apply</c>).
/// A state-changing call not named here needs <c>planification</c>.
/// </summary>
/// <remarks>
/// The table goes by path and method rather than by attributes on each endpoint so that every feature's endpoints,
/// present and future, fall under a rule; the session checks the reference-network save again
/// (<see cref="UserContext.Require"/>) whatever endpoint calls it.
/// </remarks>
public static class AccessRules
{
    /// <summary>Paths answered without sign-in: the sign-in page and form, the token endpoint, the directory's return.</summary>
    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/connexion") || path.StartsWithSegments("/api/auth/token") || path.StartsWithSegments("/api/auth/me")
        || path.StartsWithSegments(AuthSetup.OidcCallbackPath) || path.StartsWithSegments(AuthSetup.OidcSignedOutPath);

    /// <summary>The role a request needs.</summary>
    public static UserRole Required(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        if (path.StartsWithSegments("/api/users") || path.StartsWithSegments("/api/audit"))
            return UserRole.Administration;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return UserRole.Lecture;
        if (path.StartsWithSegments("/api/import") || path.StartsWithSegments("/api/scenario/save") || IsNamedScenarioApplied(path))
            return UserRole.Administration;
        // Signing out, reloading what others committed: anyone signed in.
        if (path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/api/project/reload"))
            return UserRole.Lecture;
        return UserRole.Planification;
    }

    // POST /api/scenarios/{name}/apply: a named scenario written as the reference network.
    private static bool IsNamedScenarioApplied(PathString path) =>
        path.StartsWithSegments("/api/scenarios") && path.Value!.EndsWith("/apply", StringComparison.Ordinal);
}
