namespace Territory.Store.Tests.GeoPackage;

/// <summary>A temporary GeoPackage path, deleted on dispose.</summary>
internal sealed class TempGpkg : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"territory-{Guid.NewGuid():N}.gpkg");

    public void Dispose()
    {
        foreach (var p in new[] { Path, Path + "-journal", Path + "-wal", Path + "-shm" })
            File.Delete(p);
    }
}
