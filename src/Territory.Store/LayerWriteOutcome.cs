using Territory.Core.Enrichment;
using Territory.Core.Model;
using Territory.Store.GeoPackage;

namespace Territory.Store;

/// <summary>The outcome of one committed <see cref="IProjectStore.ImportLayer(Territory.IO.Import.ImportResult, LayerWriteOptions, CancellationToken)"/>.</summary>
/// <param name="Kind">Layer imported.</param>
/// <param name="Table">GeoPackage table written.</param>
/// <param name="Mode">Created, replaced or appended.</param>
/// <param name="CountBefore">Rows in the layer before the import.</param>
/// <param name="CountAfter">Rows in the layer after the import.</param>
/// <param name="Written">Rows written by this import.</param>
/// <param name="DuplicatesSkipped">
/// Appended rows not written because their key (estate/agency <c>id</c>, commune/QPV <c>code</c>)
/// was already in the layer before the append: the first import of a key wins.
/// </param>
/// <param name="DuplicateKeys">The first skipped keys (at most <see cref="GeoPackage.GeoPackageProjectStore.DuplicateKeysReported"/>).</param>
/// <param name="Enrichment">
/// Figures of the spatial join: of the imported estates (estates import), or of every stored estate
/// (communes/QPV import); null when no join ran (no estates, or no reference layer).
/// </param>
/// <param name="EstatesUpdated">Stored estates whose commune or QPV code changed after a communes/QPV import.</param>
/// <param name="WorkingCrs">EPSG code of the project's working CRS.</param>
public sealed record LayerWriteOutcome(
    LayerKind Kind,
    string Table,
    LayerWriteMode Mode,
    long CountBefore,
    long CountAfter,
    long Written,
    int DuplicatesSkipped,
    IReadOnlyList<string> DuplicateKeys,
    EnrichmentReport? Enrichment,
    long EstatesUpdated,
    int WorkingCrs)
{
    /// <summary>The project's data version after this write.</summary>
    public long DataVersion { get; init; }
}
