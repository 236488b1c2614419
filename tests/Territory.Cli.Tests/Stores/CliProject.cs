using Territory.TestSupport;

namespace Territory.Cli.Tests.Stores;

/// <summary>Where a CLI test puts its project: a GeoPackage in a temporary folder, or a fresh schema on the test PostGIS server.</summary>
internal sealed class CliProject : IDisposable
{
    private readonly TempDir _dir = TestPaths.Temp();
    private readonly string? _schema;

    private CliProject(string kind)
    {
        Kind = kind;
        if (kind == "postgis")
        {
            _schema = TestPostGis.NewSchema();
            Location = TestPostGis.Location(_schema);
        }
        else
            Location = _dir.File("p.gpkg");
    }

    /// <summary>Both stores, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Kinds => ["gpkg", "postgis"];

    public string Kind { get; }

    /// <summary>The project argument: a .gpkg path or a PostgreSQL URI.</summary>
    public string Location { get; }

    /// <summary>The schema of a PostGIS project.</summary>
    public string? Schema => _schema;

    /// <summary>A scratch folder for files the test writes.</summary>
    public TempDir Dir => _dir;

    /// <summary>A fresh project location, or null when PostGIS is asked for and not configured locally (the test returns).</summary>
    public static CliProject? Create(string kind) => kind == "postgis" && !TestPostGis.Available() ? null : new CliProject(kind);

    public void Dispose()
    {
        if (_schema is not null)
            TestPostGis.DropSchema(_schema);
        _dir.Dispose();
    }
}
