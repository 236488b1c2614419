namespace Territory.Planning.Location;

/// <summary>The demand of one estate: its dwellings and a weight multiplying them in the objective.</summary>
/// <param name="EstateId">Estate id, as in the cost matrix.</param>
/// <param name="Dwellings">Number of dwellings (≥ 0).</param>
/// <param name="Weight">Multiplier of the dwellings in the objective (a per-type weight), 1 by default.</param>
public sealed record DemandPoint(string EstateId, int Dwellings, double Weight = 1)
{
    /// <summary>Dwellings × weight.</summary>
    public double WeightedDwellings => Dwellings * Weight;
}
