using Territory.Core.Model;

namespace Territory.Planning.Candidates;

/// <summary>Which candidate sites <see cref="CandidateGenerator.Generate"/> proposes.</summary>
public sealed record CandidateOptions
{
    /// <summary>Existing presence points become candidates (kept or free to close: the plan request decides).</summary>
    public bool ExistingPoints { get; init; } = true;

    /// <summary>Generate the main town of each commune holding estates.</summary>
    public bool CommuneMainTowns { get; init; } = true;

    /// <summary>Generate the centre of each priority district (QPV).</summary>
    public bool QpvCentres { get; init; } = true;

    /// <summary>Kind code given to generated candidates (what the plan would create).</summary>
    public string GeneratedKind { get; init; } = AgencyKind.LieuRelais.Code();

    /// <summary>Candidates closer than this to an earlier one are merged into it, metres (working CRS).</summary>
    public double DeduplicateMeters { get; init; } = 10;

    /// <summary>Most estates measured against each other per commune when locating its main town.</summary>
    public int MainTownSampleSize { get; init; } = 2000;
}
