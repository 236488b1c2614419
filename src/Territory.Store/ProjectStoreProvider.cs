namespace Territory.Store;

/// <summary>A kind of project store reached by a URI scheme (the PostGIS store registers <c>postgresql</c>).</summary>
/// <param name="Schemes">URI schemes it opens (<c>postgresql</c>, <c>postgres</c>).</param>
/// <param name="Open">Opens the project, creating it when missing (as a GeoPackage file is created).</param>
/// <param name="Exists">True when the location names an existing project.</param>
/// <param name="Display">The location as it may be shown or logged (never a password).</param>
/// <param name="Remove">Deletes the project (used when a first import into a new project fails).</param>
public sealed record ProjectStoreProvider(
    IReadOnlyList<string> Schemes,
    Func<string, IProjectStore> Open,
    Func<string, bool> Exists,
    Func<string, string> Display,
    Action<string> Remove)
{
    /// <summary>Turns a failure of this store (connection refused, server gone…) into a reason, or null for a bug.</summary>
    public Func<Exception, string?, StoreFailureException?>? Failure { get; init; }
}
