namespace Territory.Core.Caretaking;

/// <summary>Which geographic case of the rule made it apply.</summary>
public enum CaretakingCase
{
    /// <summary>No case (the rule does not apply, or cannot be decided).</summary>
    None,
    /// <summary>The ensemble lies in a priority district (formerly ZUS, now QPV).</summary>
    PriorityDistrict,
    /// <summary>Its commune has more than 25,000 inhabitants.</summary>
    CommunePopulation,
    /// <summary>Its commune belongs to an urban area of a single piece of at least 50,000 inhabitants with a commune over 15,000.</summary>
    UrbanArea,
}
