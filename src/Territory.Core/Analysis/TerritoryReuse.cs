namespace Territory.Core.Analysis;

/// <summary>What a territory's result was computed from, as far as an edit of presence points can change it.</summary>
/// <param name="Inputs">Fingerprint of its estates' travel facts, nearest points, ensembles and the points it contains or names.</param>
/// <param name="PoolSiteFte">Its share of the site staff offices declare without a place of work, FTE.</param>
public sealed record TerritoryReuse(string Inputs, double PoolSiteFte);
