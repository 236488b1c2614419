using Territory.PostGis.Connection;
using Territory.PostGis.Store;
using Territory.Store;

namespace Territory.PostGis;

/// <summary>The PostGIS project store: one schema per project, reached by <c>postgresql://USER@HOST:PORT/DB?schema=NAME</c>.</summary>
/// <remarks>
/// The one public entry point of this assembly. <see cref="Register"/> (called once by the CLI and the map
/// server) makes <see cref="ProjectStores.Open"/> and the import pipeline accept PostgreSQL URIs; everything
/// else goes through <see cref="IProjectStore"/>.
/// </remarks>
public static class PostGisStores
{
    private static int _registered;

    /// <summary>Registers the <c>postgresql://</c> and <c>postgres://</c> schemes with the store factory and the import sources (idempotent).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
            return;
        ProjectStores.Register(new ProjectStoreProvider(
            ["postgresql", "postgres"],
            location => PostGisProjectStore.Open(PgLocation.Parse(location)),
            location => PostGisProjectStore.Exists(PgLocation.Parse(location)),
            location => PgLocation.Parse(location).Display,
            location => PostGisProjectStore.Remove(PgLocation.Parse(location)))
        {
            Failure = PgFailures.From,
        });
        Import.PostGisSourceLayer.Register();
    }
}
