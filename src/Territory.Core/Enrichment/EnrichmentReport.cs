namespace Territory.Core.Enrichment;

/// <summary>Figures of one spatial enrichment run (estates joined to communes and QPV).</summary>
/// <param name="Estates">Estates processed.</param>
/// <param name="CommunesUsed">True when a communes layer was given (point in polygon decided).</param>
/// <param name="QpvUsed">True when a QPV layer was given (point in polygon decided).</param>
/// <param name="CommuneMatched">Estates inside a commune polygon.</param>
/// <param name="CommuneChanged">Matched estates whose commune code differs from the source code (including a missing source code).</param>
/// <param name="OutsideCommunes">Estates in no commune polygon; their source code was kept.</param>
/// <param name="InQpv">Estates inside a QPV polygon.</param>
/// <param name="QpvChanged">Estates whose QPV code (possibly null) differs from the source code.</param>
public sealed record EnrichmentReport(
    int Estates,
    bool CommunesUsed,
    bool QpvUsed,
    int CommuneMatched,
    int CommuneChanged,
    int OutsideCommunes,
    int InQpv,
    int QpvChanged)
{
    /// <summary>A run that joined nothing (no reference layer).</summary>
    public static EnrichmentReport None(int estates) => new(estates, false, false, 0, 0, 0, 0, 0);

    /// <summary>The figures of two runs over different estates with the same reference layers (a layer joined in batches).</summary>
    public EnrichmentReport Plus(EnrichmentReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Estates + other.Estates, CommunesUsed || other.CommunesUsed, QpvUsed || other.QpvUsed,
            CommuneMatched + other.CommuneMatched, CommuneChanged + other.CommuneChanged, OutsideCommunes + other.OutsideCommunes,
            InQpv + other.InQpv, QpvChanged + other.QpvChanged);
    }
}
