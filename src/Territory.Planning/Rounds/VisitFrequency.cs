namespace Territory.Planning.Rounds;

/// <summary>How often the mobile agency stops at a place.</summary>
public enum VisitFrequency
{
    /// <summary>Once every week.</summary>
    Weekly,
    /// <summary>Once every two weeks.</summary>
    Fortnightly,
}
