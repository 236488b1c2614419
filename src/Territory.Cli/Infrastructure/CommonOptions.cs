using System.CommandLine;

namespace Territory.Cli.Infrastructure;

/// <summary>Options shared by several commands, described in the console's language.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json(CliConsole console) => new("--json") { Description = console.T("cli_option_json") };

    /// <summary><c>--field-names fr|en</c>: the language of the field and layer names in exported files.</summary>
    public static Option<string> FieldNames(CliConsole console)
    {
        var option = new Option<string>("--field-names") { Description = console.T("cli_option_field_names"), DefaultValueFactory = _ => "fr", HelpName = "fr|en" };
        option.AcceptOnlyFromAmong("fr", "en");
        return option;
    }

    /// <summary><c>--allow-partial</c>: write a layer or a network that does not cover the project's estates anyway.</summary>
    public static Option<bool> AllowPartial(CliConsole console) => new("--allow-partial") { Description = console.T("cli_option_allow_partial") };

    public static Argument<FileInfo> Project(CliConsole console, string code = "cli_argument_project") =>
        new("PROJECT") { Description = console.T(code), HelpName = console.T("cli_value_project") };

    /// <summary>The project file, which must exist.</summary>
    public static string ExistingProject(FileInfo file)
    {
        if (!file.Exists)
            throw new CliUserException("project_not_found", ("path", file.FullName));
        return file.FullName;
    }
}
