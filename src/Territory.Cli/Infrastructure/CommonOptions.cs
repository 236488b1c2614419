using System.CommandLine;
using Territory.Core.Messages;
using Territory.Store;

namespace Territory.Cli.Infrastructure;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>What a project argument accepts, for the help texts.</summary>
    public static string ProjectForms => Catalogue.Text(Lang.Fr, "cli_project_forms");

    public static Option<bool> Json() => new("--json") { Description = "Sortie JSON lisible par une machine (pas de barre de progression)." };

    public static Argument<string> Project(string? description = null) =>
        new("PROJECT") { Description = description ?? Catalogue.Text(Lang.Fr, "cli_project_argument", ("forms", ProjectForms)) };

    /// <summary>The project, which must exist: a full file path, or the PostgreSQL URI as given.</summary>
    public static string ExistingProject(string location)
    {
        var full = Location(location);
        if (!ProjectStores.Exists(full))
            throw new CliUserException(Catalogue.Text(Lang.Fr, "project_not_found", ("path", ProjectStores.Display(full))));
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
