using Territory.Store.GeoPackage;
using Territory.TestSupport;

namespace Territory.Store.Tests.Stores;

/// <summary>A fresh project in either store: a temporary GeoPackage, or a new schema on the test PostGIS server.</summary>
/// <remarks>The store contract tests run once per <see cref="StoreKind"/> (<see cref="Kinds"/>).</remarks>
internal sealed class TestStore : IDisposable
{
    private TestStore(StoreKind kind, string location, string? schema)
    {
        Kind = kind;
        Location = location;
        Schema = schema;
    }

    public static TheoryData<StoreKind> Kinds => [StoreKind.GeoPackage, StoreKind.PostGis];

    public StoreKind Kind { get; }

    /// <summary>The project location (a .gpkg path or a PostgreSQL URI).</summary>
    public string Location { get; }

    /// <summary>The schema of a PostGIS project.</summary>
    public string? Schema { get; }

    /// <summary>A fresh project, or null when PostGIS is asked for and not configured locally (the test then returns).</summary>
    public static TestStore? Create(StoreKind kind)
    {
        if (kind == StoreKind.GeoPackage)
            return new TestStore(kind, System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"territory-{Guid.NewGuid():N}.gpkg"), null);
        if (!TestPostGis.Available())
            return null;
        var schema = TestPostGis.NewSchema();
        return new TestStore(kind, TestPostGis.Location(schema), schema);
    }

    public IProjectStore Open() => Kind == StoreKind.GeoPackage ? GeoPackageProjectStore.Open(Location) : ProjectStores.Open(Location);

    /// <summary>A scalar SQL query on the project (SQLite or PostgreSQL with the schema on the search path).</summary>
    public object? Scalar(string sql) => Kind == StoreKind.GeoPackage ? GeoPackage.StoreTestData.Scalar(Location, sql) : TestPostGis.Scalar(Schema, sql);

    public void Dispose()
    {
        if (Kind == StoreKind.GeoPackage)
        {
            foreach (var p in new[] { Location, Location + "-journal", Location + "-wal", Location + "-shm" })
                File.Delete(p);
        }
        else
            TestPostGis.DropSchema(Schema!);
    }
}
