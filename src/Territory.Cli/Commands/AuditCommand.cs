using System.CommandLine;
using Territory.Cli.Infrastructure;
using Territory.Core.Messages;
using Territory.Store.Users;

namespace Territory.Cli.Commands;

/// <summary><c>territory audit PROJECT [--json] [--limit N]</c>: who imported, saved or changed users, when, with counts — newest first.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project(console, "cli_users_project");
        var json = CommonOptions.Json(console);
        var limit = new Option<int>("--limit") { Description = console.T("cli_audit_limit"), DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("audit", console.T("cli_audit")) { project, json, limit };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var max = parse.GetValue(limit);
            if (max < 0)
                throw new ReasonException(Message.Of("auth_audit_limit_negative"));
            using var store = UsersCommand.Open(parse.GetValue(project)!);
            var entries = store.ReadAudit(max == 0 ? null : max);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console, new
                {
                    entries = entries.Select(e => new
                    {
                        at = e.At, author = e.Author, action = e.Action, target = e.Target, detail = e.Detail,
                        values = AuditDetail.Values(e.Detail), label = console.T(AuditDetail.Label(e.Action)), text = console.T(AuditDetail.Describe(e)),
                    }),
                });
                return 0;
            }
            if (entries.Count == 0)
            {
                console.Out.WriteLine(console.T("auth_audit_empty"));
                return 0;
            }
            console.Out.WriteLine(console.T("audit_header", ("count", entries.Count)));
            // Local time of the machine, as a reader expects it; --json keeps the instant with its offset.
            foreach (var e in entries)
                console.Out.WriteLine($"{e.At.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {e.Author ?? "—",-16} {console.T(AuditDetail.Label(e.Action)),-20} {console.T(AuditDetail.Describe(e))}");
            return 0;
        }));
        return command;
    }
}
