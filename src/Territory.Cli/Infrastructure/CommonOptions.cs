using System.CommandLine;

namespace Territory.Cli.Infrastructure;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Sortie JSON lisible par une machine (pas de barre de progression)." };

    public static Argument<FileInfo> Project(string description = "Fichier projet GeoPackage (.gpkg).") =>
        new("PROJECT") { Description = description };

    /// <summary>The project file, which must exist.</summary>
    public static string ExistingProject(FileInfo file)
    {
        if (!file.Exists)
            throw new CliUserException($"projet introuvable : {file.FullName}");
        return file.FullName;
    }
}
