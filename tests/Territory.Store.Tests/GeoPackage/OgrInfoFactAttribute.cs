namespace Territory.Store.Tests.GeoPackage;

/// <summary>
/// A fact that needs GDAL's <c>ogrinfo</c>: skipped when it is missing locally, run (and failing)
/// when the <c>CI</c> variable is <c>true</c>, since CI promises GDAL.
/// </summary>
public sealed class OgrInfoFactAttribute : FactAttribute
{
    public OgrInfoFactAttribute()
    {
        if (OgrInfo.Path is null && !OgrInfo.Required)
            Skip = "ogrinfo (Debian gdal-bin) is not installed; set CI=true to make this a failure.";
    }
}
