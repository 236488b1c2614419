using Territory.Core.Scenarios;
using Territory.Store.Users;

namespace Territory.Web.Auth;

/// <summary>
/// The user of the request being served, for the session and the endpoints: who they are, what their role allows,
/// which named scenarios they may see and change. Outside a request (the project watcher) it is <see cref="CurrentUser.Local"/>.
/// </summary>
/// <remarks>
/// A named scenario is private to its author unless shared: a user sees their own and the shared ones, and changes
/// (overwrites, deletes, shares) their own — and, with the <c>administration</c> role, the shared ones. Without sign-in the one
/// local user sees and changes them all, as before accounts existed.
/// </remarks>
public sealed class UserContext(IHttpContextAccessor http)
{
    private const string ItemKey = "territory.user";

    /// <summary>The user of the current request.</summary>
    public CurrentUser Current => http.HttpContext?.Items[ItemKey] as CurrentUser ?? CurrentUser.Local;

    /// <summary>The language of the current request (French outside a request).</summary>
    public Territory.Core.Messages.Lang Lang => http.HttpContext is { } context ? Hosting.RequestLang.Of(context) : Territory.Core.Messages.Lang.Fr;

    /// <summary>Throws when the current user's role is below <paramref name="needed"/>.</summary>
    /// <exception cref="AccessDeniedException">The role does not allow it (403).</exception>
    public void Require(UserRole needed)
    {
        var user = Current;
        if (!user.Role.Allows(needed))
            throw AccessDeniedException.For(user, needed);
    }

    /// <summary>True when the current user may see <paramref name="scenario"/> (their own, or shared).</summary>
    public bool CanSee(Scenario scenario) => CanSee(Current, scenario);

    /// <summary>True when the current user may overwrite or delete <paramref name="scenario"/>.</summary>
    public bool CanChange(Scenario scenario) => CanChange(Current, scenario);

    /// <summary>The named scenarios the current user sees, in the store's order.</summary>
    public IReadOnlyList<Scenario> Visible(IEnumerable<Scenario> scenarios) => scenarios.Where(CanSee).ToList();

    /// <summary>The scenario as saved by the current user: their name as author (kept when an administrator saves someone else's).</summary>
    public Scenario Stamp(Scenario scenario, Scenario? existing = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with { Author = existing?.Author ?? Current.Author ?? scenario.Author };
    }

    /// <inheritdoc cref="CanSee(Scenario)"/>
    public static bool CanSee(CurrentUser user, Scenario scenario) =>
        !user.SignedIn || scenario.Shared || IsAuthor(user, scenario);

    /// <inheritdoc cref="CanChange(Scenario)"/>
    public static bool CanChange(CurrentUser user, Scenario scenario) =>
        !user.SignedIn || IsAuthor(user, scenario) || (user.Role.Allows(UserRole.Administration) && scenario.Shared);

    /// <summary>Sets the user of a request (the access guard does, once authenticated).</summary>
    internal static void Set(HttpContext context, CurrentUser user) => context.Items[ItemKey] = user;

    private static bool IsAuthor(CurrentUser user, Scenario scenario) =>
        string.Equals(scenario.Author, user.Name, StringComparison.OrdinalIgnoreCase);
}
