using Territory.Core.Messages;
using Territory.Store.GeoPackage;

namespace Territory.Store;

/// <summary>Opens a project from where the user says it is: a <c>.gpkg</c> path (PostgreSQL URIs when the PostGIS store is present).</summary>
public static class ProjectStores
{
    /// <summary>Opens (creating a GeoPackage when missing) the project at <paramref name="location"/>.</summary>
    /// <exception cref="ReasonException">The location is neither a GeoPackage path nor a supported URI.</exception>
    public static IProjectStore Open(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (IsUri(location))
            throw new ReasonException(Message.Of("store_location_unsupported", ("location", location)));
        return GeoPackageProjectStore.Open(location);
    }

    /// <summary>True when the location names an existing project (a file that exists).</summary>
    public static bool Exists(string location) => !IsUri(location) && File.Exists(location);

    /// <summary>True for a <c>scheme://</c> location rather than a file path.</summary>
    public static bool IsUri(string location) => location.Contains("://", StringComparison.Ordinal);
}
