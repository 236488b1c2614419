namespace Territory.Web.Tests.Support;

/// <summary>Locates the repository, its demo data and the shared real geodata beside the checkout.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Demo(string file) => Path.Combine(RepoRoot, "geodata", "demo", file);

    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "geodata", relative));

    /// <summary>True on the CI machine: what a test needs must be there, never skipped.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Territory.sln not found above " + AppContext.BaseDirectory);
    }
}
