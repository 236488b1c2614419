using Territory.Core.Messages;
using Territory.Store.Users;
using Territory.Web.Auth;
using Territory.Web.Hosting;

namespace Territory.Web.Api;

/// <summary>
/// Accounts and the audit table for administrators (the same operations as <c>territory users</c> and
/// <c>territory audit</c>); every change is written to the audit table under the administrator's name.
/// </summary>
public static class UsersApi
{
    public static void MapUsersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/users").WithTags("Comptes");
        group.MapGet("/", (UserDirectory directory) => TypedResults.Ok(directory.Users().Select(Info).ToList())).WithName("ListUsers");
        group.MapPost("/", (NewUser body, UserDirectory directory, UserContext users, HttpContext http) =>
        {
            var name = UserNames.Check(body.Name);
            var role = Role(body.Role ?? UserRole.Lecture.Code());
            var hash = Passwords.Hash(name, body.Password ?? "");
            var now = DateTimeOffset.UtcNow;
            directory.Change(store =>
            {
                store.SaveUser(new ProjectUser(name, role, hash, now, now), users.Current.Author, overwrite: false);
                return 0;
            });
            return TypedResults.Created($"/api/users/{name}", Info(directory.Find(name)!));
        }).WithName("AddUser");
        group.MapPut("/{name}", (string name, ChangedUser body, UserDirectory directory, UserContext users, HttpContext http) =>
        {
            if (directory.Find(name) is null)
                return Problems.Of(http, StatusCodes.Status404NotFound, Message.Of("auth_user_unknown", ("name", name)));
            var user = directory.Change(store =>
            {
                var existing = store.ReadUser(name) ?? throw new ReasonException(Message.Of("auth_user_unknown", ("name", name)));
                var changed = existing with
                {
                    Role = body.Role is null ? existing.Role : Role(body.Role),
                    PasswordHash = body.Password is null ? existing.PasswordHash : Passwords.Hash(existing.Name, body.Password),
                };
                store.SaveUser(changed, users.Current.Author, overwrite: true);
                return changed;
            });
            return (IResult)TypedResults.Ok(Info(user));
        }).WithName("ChangeUser");
        group.MapDelete("/{name}", (string name, UserDirectory directory, UserContext users, HttpContext http) =>
            directory.Change(store => store.DeleteUser(name, users.Current.Author))
                ? (IResult)TypedResults.NoContent()
                : Problems.Of(http, StatusCodes.Status404NotFound, Message.Of("auth_user_unknown", ("name", name)))).WithName("RemoveUser");

        app.MapGet("/api/audit", async (int? limit, UserDirectory directory, SignInAudit signIns, HttpContext http) =>
            {
                // Sign-in lines are written behind their answers: those asked for before this request are in.
                await signIns.FlushAsync();
                var lang = RequestLang.Of(http);
                var entries = directory.Change(store => store.ReadAudit(Math.Clamp(limit ?? 200, 1, 10_000)));
                return TypedResults.Ok(entries.Select(e => new AuditLine(e.At, e.Author, e.Action, e.Target, e.Detail,
                    AuditDetail.Label(e.Action).Render(lang), AuditDetail.Describe(e).Render(lang))).ToList());
            })
            .WithTags("Comptes").WithName("GetAudit");
    }

    private static UserRole Role(string code) => UserRoles.TryParse(code, out var role)
        ? role
        : throw new ReasonException(Message.Of("auth_role_unknown", ("role", code), ("roles", string.Join(", ", UserRoles.All.Select(r => r.Code())))));

    private static UserInfo Info(ProjectUser user) => new(user.Name, user.Role.Code(), user.CreatedAt, user.UpdatedAt);
}

/// <summary>An account as the API shows it (never its password hash).</summary>
public sealed record UserInfo(string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record NewUser(string? Name, string? Role, string? Password);

/// <summary>Body of <c>PUT /api/users/{name}</c>: what changes (null: unchanged).</summary>
public sealed record ChangedUser(string? Role, string? Password);
