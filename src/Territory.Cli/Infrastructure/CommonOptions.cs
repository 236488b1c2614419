using System.CommandLine;
using Territory.Store;

namespace Territory.Cli.Infrastructure;

/// <summary>Options shared by several commands, described in the console's language.</summary>
internal static class CommonOptions
{
    /// <summary>What a project argument accepts (a GeoPackage file or a PostGIS schema), for the help texts.</summary>
    public static string ProjectForms(CliConsole console) => console.T("cli_project_forms");

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

    /// <summary>The project argument: a location (GeoPackage path or PostgreSQL URI); <paramref name="code"/> describes it, given the accepted forms as <c>{forms}</c>.</summary>
    public static Argument<string> Project(CliConsole console, string code = "cli_project_argument") =>
        new("PROJECT") { Description = console.T(code, ("forms", ProjectForms(console))), HelpName = console.T("cli_value_location") };

    /// <summary>The project, which must exist: a full file path, or the PostgreSQL URI as given.</summary>
    public static string ExistingProject(string location)
    {
        var full = Location(location);
        if (!ProjectStores.Exists(full))
            throw new CliUserException("project_not_found", ("path", ProjectStores.Display(full)));
        return full;
    }

    /// <summary>A project or source location as the commands use it: a file path made absolute, a URI unchanged.</summary>
    public static string Location(string location) =>
        ProjectStores.IsUri(location) ? location : Path.GetFullPath(location);

    /// <summary>Where a file written beside the project goes: beside the GeoPackage, or in the current folder for a database project.</summary>
    public static string Beside(string location, string suffix) =>
        ProjectStores.IsUri(location)
            ? Path.GetFullPath(ProjectStores.NameOf(location) + suffix)
            : Path.Combine(Path.GetDirectoryName(location) ?? ".", Path.GetFileNameWithoutExtension(location) + suffix);
}
