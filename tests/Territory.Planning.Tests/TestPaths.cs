namespace Territory.Planning.Tests;

/// <summary>Locates the repository and the shared real geodata beside the checkout.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "geodata", relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Territory.sln not found above " + AppContext.BaseDirectory);
    }
}
