namespace Territory.Store.Tests.Results;

/// <summary>A copy of the demo project in a temporary folder, removed with the test.</summary>
public sealed class DemoProjectCopy : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("territory-results-").FullName;

    public DemoProjectCopy()
    {
        Path = System.IO.Path.Combine(_dir, "demo.gpkg");
        File.Copy(DemoPath(), Path);
    }

    /// <summary>The copy's path.</summary>
    public string Path { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string DemoPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Territory.sln")))
                return System.IO.Path.Combine(dir.FullName, "geodata", "demo", "habitat-demo.gpkg");
        throw new InvalidOperationException("Territory.sln not found");
    }
}
