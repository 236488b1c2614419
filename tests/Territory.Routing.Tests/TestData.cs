namespace Territory.Routing.Tests;

/// <summary>Locates shared geodata relative to the repository root (the folder holding Territory.sln).</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string GeodataDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "geodata"));

    public static string Osm(string fileName) => Path.Combine(GeodataDir, "osm", fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Territory.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Territory.sln not found above " + AppContext.BaseDirectory);
    }
}
