namespace Territory.Core.Model;

/// <summary>The layers a project holds; the name is the GeoPackage table name.</summary>
public enum LayerKind
{
    Estates,
    Agencies,
    Communes,
    Qpv,
}
