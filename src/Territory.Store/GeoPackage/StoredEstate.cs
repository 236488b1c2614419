using Territory.Core.Model;

namespace Territory.Store.GeoPackage;

/// <summary>An estate row: its fid, the estate with effective codes, and the codes of the source file.</summary>
internal readonly record struct StoredEstate(long Fid, Estate Estate, string? CommuneSource, string? QpvSource)
{
    /// <summary>The estate as imported (source codes), the input of a new spatial join.</summary>
    public Estate AsImported => Estate with { CommuneCode = CommuneSource, QpvCode = QpvSource };
}
