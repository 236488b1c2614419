using Territory.Core.Messages;
using Territory.Store.Users;

namespace Territory.Web.Auth;

/// <summary>The user's role does not allow what was asked (answered 403 with the reason).</summary>
public sealed class AccessDeniedException(Message reason) : ReasonException(reason)
{
    /// <summary>The refusal for a user whose role is below <paramref name="needed"/>.</summary>
    public static AccessDeniedException For(CurrentUser user, UserRole needed) =>
        new(Core.Messages.Message.Of("auth_forbidden", ("name", user.Name), ("role", user.Role.Code()), ("needed", needed.Code())));
}
