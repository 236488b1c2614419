namespace Territory.Planning.Candidates;

/// <summary>Where a <see cref="CandidateSite"/> comes from.</summary>
public enum CandidateSource
{
    /// <summary>An existing presence point of the landlord (agencies layer).</summary>
    ExistingPoint,
    /// <summary>A premises the user supplied (town hall, France Services…).</summary>
    Imported,
    /// <summary>Generated: the main town of a commune holding estates.</summary>
    CommuneMainTown,
    /// <summary>Generated: the centre of a priority district (QPV).</summary>
    QpvCentre,
}
