using System.CommandLine;
using Territory.Store;

namespace Territory.Cli.Infrastructure;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>What a project argument accepts, for the help texts.</summary>
    public const string ProjectForms = "fichier GeoPackage (.gpkg) ou base PostGIS (postgresql://UTILISATEUR@HÔTE:PORT/BASE?schema=NOM)";

    public static Option<bool> Json() => new("--json") { Description = "Sortie JSON lisible par une machine (pas de barre de progression)." };

    public static Argument<string> Project(string description = "Projet : " + ProjectForms + ".") =>
        new("PROJECT") { Description = description };

    /// <summary>The project, which must exist: a full file path, or the PostgreSQL URI as given.</summary>
    public static string ExistingProject(string location)
    {
        var full = Location(location);
        if (!ProjectStores.Exists(full))
            throw new CliUserException($"projet introuvable : {ProjectStores.Display(full)}");
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
