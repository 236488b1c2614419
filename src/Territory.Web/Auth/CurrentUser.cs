using Territory.Store.Users;

namespace Territory.Web.Auth;

/// <summary>Who makes a request: a signed-in user, or the one person at a laptop when sign-in is off.</summary>
/// <param name="Name">The user's name (empty for the local user without sign-in).</param>
/// <param name="Role">What the user may do.</param>
/// <param name="SignedIn">False when sign-in is off (loopback, no accounts).</param>
/// <param name="Source"><c>local</c> (an account of the project), <c>oidc</c> (the organisation's directory) or <c>none</c>.</param>
public sealed record CurrentUser(string Name, UserRole Role, bool SignedIn, string Source)
{
    /// <summary>The person at the laptop when sign-in is off: may do everything, as before accounts existed.</summary>
    public static CurrentUser Local { get; } = new("", UserRole.Administration, false, "none");

    /// <summary>The name written as author in the audit table and on scenarios (null without sign-in: the store then records none).</summary>
    public string? Author => SignedIn ? Name : null;
}
