namespace Territory.Store;

/// <summary>What every store checks before writing an imported layer, whether read whole or streamed.</summary>
public static class ImportGuard
{
    /// <summary>The source file's name (for reasons), once the layer is known to be in the project's working CRS.</summary>
    /// <exception cref="InvalidOperationException">The features are not in the project's working CRS (a caller's mistake: the importer reprojects).</exception>
    public static string WorkingCrsFile(string sourcePath, int srid, int? workingCrs)
    {
        if (workingCrs is int working && working != srid)
            throw new InvalidOperationException(
                $"{sourcePath}: features are in EPSG:{srid} but the project works in EPSG:{working}; import with ImportOptions.TargetCrs = {working}.");
        return System.IO.Path.GetFileName(sourcePath);
    }
}
