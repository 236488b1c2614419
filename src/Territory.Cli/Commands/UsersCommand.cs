using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Store;
using Territory.Store.Users;
using Territory.Web.Auth;

namespace Territory.Cli.Commands;

/// <summary>
/// <c>territory users add|list|remove|passwd|role PROJECT</c>: the local accounts of the project's map server,
/// kept in the project store with their password hashed (never the password); every change goes to the audit table.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("users", console.T("cli_users"));
        command.Add(Add(console));
        command.Add(List(console));
        command.Add(Remove(console));
        command.Add(Passwd(console));
        command.Add(Role(console));
        return command;
    }

    private static Command Add(CliConsole console)
    {
        var (project, name, stdin) = (CommonOptions.Project(console, "cli_users_project"), NameOption(console), StdinOption(console));
        var role = RoleOption(console, required: false);
        var command = new Command("add", console.T("cli_users_add")) { project, name, role, stdin };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var userName = UserNames.Check(parse.GetValue(name));
            var userRole = ParseRole(parse.GetValue(role) ?? UserRole.Lecture.Code());
            using var store = Open(parse.GetValue(project)!);
            if (store.ReadUser(userName) is not null)
                throw new ReasonException(Message.Of("user_name_taken", ("name", userName)));
            var hash = Passwords.Hash(userName, PasswordInput.Read(console, parse.GetValue(stdin)));
            var now = DateTimeOffset.UtcNow;
            store.SaveUser(new ProjectUser(userName, userRole, hash, now, now), Actor, overwrite: false);
            console.Out.WriteLine(console.T("auth_user_added", ("name", userName), ("role", userRole.Code())));
            return 0;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var project = CommonOptions.Project(console, "cli_users_project");
        var json = CommonOptions.Json(console);
        var command = new Command("list", console.T("cli_users_list")) { project, json };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            using var store = Open(parse.GetValue(project)!);
            var users = store.ListUsers();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, new { users = users.Select(u => new { name = u.Name, role = u.Role.Code(), created_at = u.CreatedAt, updated_at = u.UpdatedAt }) });
                return 0;
            }
            if (users.Count == 0)
                console.Out.WriteLine(console.T("auth_users_none"));
            foreach (var u in users)
                console.Out.WriteLine($"{u.Name,-24} {u.Role.Code(),-15} {u.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm}");
            return 0;
        }));
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        var (project, name) = (CommonOptions.Project(console, "cli_users_project"), NameOption(console));
        var command = new Command("remove", console.T("cli_users_remove")) { project, name };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var userName = UserNames.Check(parse.GetValue(name));
            using var store = Open(parse.GetValue(project)!);
            if (!store.DeleteUser(userName, Actor))
                throw new ReasonException(Message.Of("auth_user_unknown", ("name", userName)));
            console.Out.WriteLine(console.T("auth_user_removed", ("name", userName)));
            return 0;
        }));
        return command;
    }

    private static Command Passwd(CliConsole console)
    {
        var (project, name, stdin) = (CommonOptions.Project(console, "cli_users_project"), NameOption(console), StdinOption(console));
        var command = new Command("passwd", console.T("cli_users_passwd")) { project, name, stdin };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var userName = UserNames.Check(parse.GetValue(name));
            using var store = Open(parse.GetValue(project)!);
            var user = store.ReadUser(userName) ?? throw new ReasonException(Message.Of("auth_user_unknown", ("name", userName)));
            var hash = Passwords.Hash(user.Name, PasswordInput.Read(console, parse.GetValue(stdin)));
            store.SaveUser(user with { PasswordHash = hash }, Actor, overwrite: true);
            console.Out.WriteLine(console.T("auth_user_password_changed", ("name", user.Name)));
            return 0;
        }));
        return command;
    }

    private static Command Role(CliConsole console)
    {
        var (project, name, role) = (CommonOptions.Project(console, "cli_users_project"), NameOption(console), RoleOption(console, required: true));
        var command = new Command("role", console.T("cli_users_role")) { project, name, role };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var userName = UserNames.Check(parse.GetValue(name));
            var userRole = ParseRole(parse.GetValue(role));
            using var store = Open(parse.GetValue(project)!);
            var user = store.ReadUser(userName) ?? throw new ReasonException(Message.Of("auth_user_unknown", ("name", userName)));
            store.SaveUser(user with { Role = userRole }, Actor, overwrite: true);
            console.Out.WriteLine(console.T("auth_user_role_changed", ("name", user.Name), ("role", userRole.Code())));
            return 0;
        }));
        return command;
    }

    /// <summary>Who makes the change, for the audit table: the operating-system user.</summary>
    internal static string Actor => Environment.UserName;

    internal static IProjectStore Open(string project) => ProjectStores.Open(CommonOptions.ExistingProject(project));

    private static UserRole ParseRole(string? code) =>
        UserRoles.TryParse(code, out var role) ? role : throw new ReasonException(Message.Of("auth_role_unknown", ("role", code ?? ""),
            ("roles", string.Join(", ", UserRoles.All.Select(r => r.Code())))));

    private static Option<string> NameOption(CliConsole console) =>
        new("--name") { Description = console.T("cli_users_name"), Required = true, HelpName = console.T("auth_value_name") };

    private static Option<string> RoleOption(CliConsole console, bool required) =>
        new("--role") { Description = console.T("cli_users_role_option"), Required = required, HelpName = "lecture|planification|administration" };

    private static Option<bool> StdinOption(CliConsole console) => new("--password-stdin") { Description = console.T("cli_users_password_stdin") };
}
