namespace Territory.Planning.Candidates;

/// <summary>Stable codes of <see cref="CandidateSource"/> for files and APIs.</summary>
public static class CandidateSources
{
    /// <summary><c>existing</c>, <c>imported</c>, <c>commune_main_town</c> or <c>qpv_centre</c>.</summary>
    public static string Code(this CandidateSource source) => source switch
    {
        CandidateSource.ExistingPoint => "existing",
        CandidateSource.Imported => "imported",
        CandidateSource.CommuneMainTown => "commune_main_town",
        CandidateSource.QpvCentre => "qpv_centre",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
