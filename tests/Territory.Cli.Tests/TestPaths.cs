namespace Territory.Cli.Tests;

/// <summary>Locates the repository, its demo data and the shared real geodata beside the checkout.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>True on CI (<c>CI=true</c>): a test missing its shared data fails there instead of returning early.</summary>
    public static bool OnCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static string Demo(string file) => Path.Combine(RepoRoot, "geodata", "demo", file);

    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "geodata", relative));

    /// <summary>A fresh temporary directory, removed by the caller's <c>using</c>.</summary>
    public static TempDir Temp() => new();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Territory.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("territory-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
