using Territory.Core.Messages;

namespace Territory.Store.Users;

/// <summary>Rules for a sign-in name: 1 to 64 characters, letters, digits and <c>.-_@</c>, kept in lower case (sign-in ignores case).</summary>
public static class UserNames
{
    /// <summary>Longest name accepted (characters).</summary>
    public const int MaxLength = 64;

    /// <summary>The trimmed name in lower case, or a reason.</summary>
    /// <exception cref="ReasonException">Empty, too long, or with other characters.</exception>
    public static string Check(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new ReasonException(Message.Of("user_name_empty"));
        if (trimmed.Length > MaxLength)
            throw new ReasonException(Message.Of("user_name_too_long", ("length", trimmed.Length), ("max", MaxLength)));
        if (!trimmed.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            throw new ReasonException(Message.Of("user_name_characters", ("name", trimmed)));
        return trimmed.ToLowerInvariant();
    }
}
