namespace Territory.Planning.Service;

/// <summary>Which candidate sources a site plan draws from.</summary>
/// <remarks>
/// <see cref="Existing"/>: the project's presence points of every kind (kept with
/// <see cref="SitePlanOptions.KeepExisting"/>, otherwise free to close); <see cref="ImportedLayer"/>: the
/// project's <c>candidates</c> layer; <see cref="Generated"/>: the main town of each commune holding
/// estates and the centre of each QPV. Sites given in <see cref="SitePlanOptions.ExtraCandidates"/>
/// (a <c>--candidates</c> file) are always included.
/// </remarks>
public sealed record CandidateSelection
{
    public bool Existing { get; init; } = true;
    public bool ImportedLayer { get; init; } = true;
    public bool Generated { get; init; } = true;

    /// <summary>Every source.</summary>
    public static CandidateSelection All { get; } = new();
}
