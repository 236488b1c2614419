namespace Territory.Store.Users;

/// <summary>The roles' stable codes (French words, as stored and as typed after <c>--role</c>).</summary>
public static class UserRoles
{
    /// <summary>Every role, lowest first.</summary>
    public static IReadOnlyList<UserRole> All { get; } = [UserRole.Lecture, UserRole.Planification, UserRole.Administration];

    /// <summary>The role's code: <c>lecture</c>, <c>planification</c> or <c>administration</c>.</summary>
    public static string Code(this UserRole role) => role switch
    {
        UserRole.Lecture => "lecture",
        UserRole.Planification => "planification",
        UserRole.Administration => "administration",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Reads a role code (case-insensitive).</summary>
    public static bool TryParse(string? code, out UserRole role)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>True when <paramref name="role"/> includes what <paramref name="needed"/> allows.</summary>
    public static bool Allows(this UserRole role, UserRole needed) => role >= needed;
}
