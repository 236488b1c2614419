using Territory.Core.Model;

namespace Territory.Planning.Location;

/// <summary>Builds the demand of a planning request from estates.</summary>
public static class DemandPoints
{
    /// <summary>One demand point per estate, in order: its dwellings, times <paramref name="weight"/> when given (e.g. by territory type).</summary>
    public static DemandPoint[] FromEstates(IReadOnlyList<Estate> estates, Func<Estate, double>? weight = null) =>
        estates.Select(e => new DemandPoint(e.Id, e.Dwellings, weight?.Invoke(e) ?? 1)).ToArray();
}
