using Territory.Core.Model;

namespace Territory.Core.Enrichment;

/// <summary>Enriched estates (same order as the input) and the figures of the run.</summary>
/// <param name="Estates">New records where a code changed; the input record itself where nothing changed.</param>
/// <param name="Report">Counts of matches and changes.</param>
public sealed record EnrichmentResult(IReadOnlyList<Estate> Estates, EnrichmentReport Report);
