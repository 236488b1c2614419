using Microsoft.AspNetCore.Identity;
using Territory.Core.Messages;
using Territory.Store.Users;

namespace Territory.Web.Auth;

/// <summary>Password hashing for local accounts: ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned format).</summary>
public static class Passwords
{
    /// <summary>Shortest password accepted (characters).</summary>
    public const int MinLength = 8;

    /// <summary>Longest password accepted (characters): beyond, hashing would only cost time.</summary>
    public const int MaxLength = 256;

    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>The hash to store for <paramref name="password"/>.</summary>
    /// <exception cref="ReasonException">Too short or too long.</exception>
    public static string Hash(string userName, string password)
    {
        if (Check(password) is { } reason)
            throw new ReasonException(reason);
        return Hasher.HashPassword(userName, password);
    }

    /// <summary>Why the password cannot be set, or null.</summary>
    public static Message? Check(string? password) => (password ?? "").Length switch
    {
        < MinLength => Message.Of("auth_password_too_short", ("min", MinLength)),
        > MaxLength => Message.Of("auth_password_too_long", ("max", MaxLength)),
        _ => null,
    };

    /// <summary>True when <paramref name="password"/> is the account's.</summary>
    public static bool Verify(ProjectUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password) || password.Length > MaxLength)
            return false;
        return Hasher.VerifyHashedPassword(user.Name, user.PasswordHash, password) != PasswordVerificationResult.Failed;
    }
}
