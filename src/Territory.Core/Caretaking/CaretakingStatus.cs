namespace Territory.Core.Caretaking;

/// <summary>Whether the caretaking obligation applies to an ensemble, and how sure the product is.</summary>
public enum CaretakingStatus
{
    /// <summary>Size and location conditions met: the obligation applies.</summary>
    Applies,
    /// <summary>Under 100 collective dwellings, or outside every geographic case: it does not apply.</summary>
    NotApplicable,
    /// <summary>Large enough, but a location condition cannot be decided (urban area or commune population unknown): « à vérifier ».</summary>
    ToCheck,
    /// <summary>Construction type unknown (collective or individual): « non évaluable ».</summary>
    NotAssessable,
}
