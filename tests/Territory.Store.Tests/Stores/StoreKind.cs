namespace Territory.Store.Tests.Stores;

/// <summary>The store a contract test runs against.</summary>
public enum StoreKind
{
    GeoPackage,
    PostGis,
}
