namespace Territory.Core.Typology;

/// <summary>Score of one type for one territory: the weighted mean of its criteria, in [0, 1].</summary>
public sealed record TypeScore(TerritoryType Type, double Score, IReadOnlyList<CriterionTrace> Criteria);
