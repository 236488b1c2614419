namespace Territory.PostGis.Tests.Support;

/// <summary>The repository checkout: its demo data and the built <c>territory</c> command.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Demo(string file) => Path.Combine(Root, "geodata", "demo", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Territory.sln not found above " + AppContext.BaseDirectory);
    }
}
