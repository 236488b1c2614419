using Territory.Cli.Infrastructure;
using Territory.Core.Messages;

namespace Territory.Cli.Commands;

/// <summary>Texts of the planning and scenario commands, from the catalogue (areas <c>planning</c> and <c>scenarios</c>).</summary>
internal static class PlanCli
{
    /// <summary>The language the commands speak.</summary>
    public static Lang Lang(CliConsole console) => console.Lang;

    public static string T(CliConsole console, string code, params (string Name, object? Value)[] args) => Catalogue.Text(Lang(console), code, args);

    /// <summary>Kind codes of presence points, the planned kind's default first.</summary>
    public static string KindCodes { get; } = string.Join(", ", new[] { Core.Model.AgencyKind.LieuRelais }.Concat(Core.Model.AgencyKinds.All.Where(k => k != Core.Model.AgencyKind.LieuRelais)).Select(Core.Model.AgencyKinds.Code));

    /// <summary>A bad input, rendered from the catalogue at the edge (exit 2).</summary>
    public static ReasonException Bad(string code, params (string Name, object? Value)[] args) => new(Message.Of(code, args));
}
