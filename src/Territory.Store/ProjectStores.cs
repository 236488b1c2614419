using System.Collections.Concurrent;
using Territory.Core.Messages;
using Territory.Store.GeoPackage;

namespace Territory.Store;

/// <summary>Opens a project from where the user says it is: a <c>.gpkg</c> path, or a URI of a registered store.</summary>
/// <remarks>
/// Territory.Store cannot reference the PostGIS store (which builds on it), so other stores register
/// themselves once per process by URI scheme (<see cref="Register"/>): the CLI and the map server call
/// <c>PostGisStores.Register()</c> at start. Everything else opens projects through this class only.
/// </remarks>
public static class ProjectStores
{
    private static readonly ConcurrentDictionary<string, ProjectStoreProvider> Providers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a store for its URI schemes (idempotent: a later registration of a scheme replaces the earlier one).</summary>
    public static void Register(ProjectStoreProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        foreach (var scheme in provider.Schemes)
            Providers[scheme] = provider;
    }

    /// <summary>Opens (creating a GeoPackage or a schema when missing) the project at <paramref name="location"/>.</summary>
    /// <exception cref="ReasonException">The location is neither a GeoPackage path nor a URI of a registered store.</exception>
    public static IProjectStore Open(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (IsUri(location))
            return ProviderOf(location).Open(location);
        return GeoPackageProjectStore.Open(location);
    }

    /// <summary>True when the location names an existing project (a file that exists, a schema holding a project).</summary>
    public static bool Exists(string location) =>
        IsUri(location) ? ProviderOf(location).Exists(location) : File.Exists(location);

    /// <summary>The location as it may be shown: a full path, or a URI without its password.</summary>
    public static string Display(string location) =>
        IsUri(location) ? ProviderOf(location).Display(location) : Path.GetFullPath(location);

    /// <summary>Deletes a project that a failed first write created (the file, or the schema).</summary>
    public static void Remove(string location)
    {
        if (IsUri(location))
            ProviderOf(location).Remove(location);
        else
            File.Delete(location);
    }

    /// <summary>A short name for the project: the file name without extension, or the schema name.</summary>
    public static string NameOf(string location)
    {
        if (!IsUri(location))
            return Path.GetFileNameWithoutExtension(location);
        var query = location.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            foreach (var pair in location[(query + 1)..].Split('&'))
                if (pair.StartsWith("schema=", StringComparison.Ordinal))
                    return Uri.UnescapeDataString(pair["schema=".Length..]);
        }
        return "projet";
    }

    /// <summary>True for a <c>scheme://</c> location rather than a file path.</summary>
    public static bool IsUri(string location) => location.Contains("://", StringComparison.Ordinal);

    /// <summary>The failure of a registered store as a reason, or null.</summary>
    internal static StoreFailureException? FailureOf(Exception e, string? location)
    {
        foreach (var provider in Providers.Values.Distinct())
            if (provider.Failure?.Invoke(e, location) is { } failure)
                return failure;
        return null;
    }

    private static ProjectStoreProvider ProviderOf(string location)
    {
        var scheme = location[..location.IndexOf("://", StringComparison.Ordinal)];
        return Providers.TryGetValue(scheme, out var provider)
            ? provider
            : throw new ReasonException(Message.Of("store_location_unsupported", ("location", location)));
    }
}
