using System.Text;

namespace Territory.IO.Tests;

/// <summary>Locates the shared real geodata and makes scratch folders for files the tests write.</summary>
internal static class TestData
{
    static TestData() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The folder holding Territory.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary><c>../shared/geodata</c> next to the repository.</summary>
    public static string GeoData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "geodata"));

    public static string Geo(string relative) => Path.Combine(GeoData, relative);

    public static string ParisProgrammes => Geo("logements_sociaux/paris_logements_sociaux_finances_shared.geojson");

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>A new empty folder under the temp directory.</summary>
    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "territory-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes <paramref name="text"/> to a new file named <paramref name="name"/> in a fresh folder.</summary>
    public static string WriteFile(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(NewTempDir(), name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Territory.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Territory.sln not found above " + AppContext.BaseDirectory);
    }
}
