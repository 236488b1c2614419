namespace Territory.Store.Users;

/// <summary>A local account of the project's server (kept in the project store).</summary>
/// <param name="Name">Sign-in name, unique in the project (see <see cref="UserNames.Check"/>).</param>
/// <param name="Role">What the user may do.</param>
/// <param name="PasswordHash">The password as hashed by ASP.NET Core's <c>PasswordHasher</c> (never the password itself).</param>
/// <param name="CreatedAt">When the account was created (UTC).</param>
/// <param name="UpdatedAt">When its role or password last changed (UTC).</param>
public sealed record ProjectUser(string Name, UserRole Role, string PasswordHash, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
