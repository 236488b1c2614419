using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Scenarios;
using Territory.Planning.Rounds;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>Where the stops of a round come from: ids of the project's points or estates, a scenario, a site plan.</summary>
public static class RoundStops
{
    /// <summary>Stops named by id: a presence point of the project, else an estate (its point, or a polygon's interior point).</summary>
    /// <exception cref="ReasonException"><c>rounds_stop_unknown</c> for an id that is neither.</exception>
    public static IReadOnlyList<RoundStop> FromIds(ProjectData data, IEnumerable<string> ids, double stopMinutes)
    {
        var points = data.Agencies.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var estates = data.Estates.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return ids.Select(id => points.TryGetValue(id, out var a)
                ? Stop(a.Id, a.Name, a.Location, stopMinutes)
                : estates.TryGetValue(id, out var e)
                    ? Stop(e.Id, e.Name, e.Geometry as Point ?? e.Geometry.InteriorPoint, stopMinutes)
                    : throw new ReasonException(Message.Of("rounds_stop_unknown", ("id", id))))
            .ToList();
    }

    /// <summary>
    /// The mobile-agency stops of the network once the scenario is applied (kind <c>arret_agence_mobile</c>);
    /// when it has none and the scenario comes from a site plan, the points the plan added.
    /// </summary>
    public static IReadOnlyList<RoundStop> FromScenario(ProjectData data, Scenario scenario, double stopMinutes)
    {
        var network = scenario.Apply(data.Agencies);
        var mobile = network.Where(a => a.Kind == AgencyKind.ArretAgenceMobile).ToList();
        if (mobile.Count == 0 && scenario.Source == SitePlanScenario.Source)
        {
            var added = scenario.Changes.Where(c => c.Op == ScenarioOp.Add).Select(c => c.AgencyId).ToHashSet(StringComparer.Ordinal);
            mobile = network.Where(a => added.Contains(a.Id)).ToList();
        }
        return mobile.Select(a => Stop(a.Id, a.Name, a.Location, stopMinutes)).ToList();
    }

    /// <summary>The sites of a plan as stops (new ones and kept existing ones alike).</summary>
    public static IReadOnlyList<RoundStop> FromSitePlan(SitePlanResult plan, int workingCrs, double stopMinutes)
    {
        var factory = new GeometryFactory(new PrecisionModel(), workingCrs);
        return plan.Sites.Select(s => Stop(s.Id, s.Name, factory.CreatePoint(new Coordinate(s.X, s.Y)), stopMinutes)).ToList();
    }

    private static RoundStop Stop(string id, string? name, Point location, double minutes) =>
        new() { Id = id, Name = name, Location = location, StopMinutes = minutes };
}
