using NetTopologySuite.Geometries;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Scenarios;

namespace Territory.Planning.Service;

/// <summary>Turns a site plan into a named <see cref="Scenario"/> (source <c>plan</c>): new sites added, existing points it did not keep closed.</summary>
public static class SitePlanScenario
{
    /// <summary>The scenario source of a saved plan.</summary>
    public const string Source = "plan";

    /// <summary>The scenario of <paramref name="plan"/>: each chosen site that is not an existing point added with the plan's kind, each existing point left out closed.</summary>
    /// <param name="plan">The site plan.</param>
    /// <param name="name">The scenario's name.</param>
    /// <param name="author">Who saves it (the operating-system user for the CLI).</param>
    /// <param name="workingCrs">EPSG code of the project's working CRS (the sites' X/Y).</param>
    /// <param name="lang">Language of the description.</param>
    /// <param name="saved">The saved presence points, to give each closure the point's own name and kind (optional).</param>
    public static Scenario From(SitePlanResult plan, string name, string? author, int workingCrs, Lang lang = Lang.Fr, IReadOnlyList<Agency>? saved = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var factory = new GeometryFactory(new PrecisionModel(), workingCrs);
        var changes = new List<ScenarioChange>();
        foreach (var s in plan.Sites.Where(s => !s.Existing))
        {
            if (!AgencyKinds.TryParse(s.Kind, out var kind)) kind = AgencyKind.LieuRelais;
            changes.Add(new ScenarioChange(ScenarioOp.Add, s.Id, s.Name ?? s.Id, kind, factory.CreatePoint(new Coordinate(s.X, s.Y))));
        }
        foreach (var closed in plan.ClosedExisting)
        {
            var point = saved?.FirstOrDefault(a => string.Equals(a.Id, closed.Id, StringComparison.Ordinal));
            var kind = point?.Kind ?? (AgencyKinds.TryParse(closed.Kind, out var k) ? k : AgencyKind.Agence);
            changes.Add(new ScenarioChange(ScenarioOp.Close, closed.Id, point?.Name ?? closed.Name, kind, null));
        }
        var now = DateTimeOffset.UtcNow;
        return new Scenario
        {
            Name = name, Author = author, Source = Source, Description = Describe(plan, lang), BaseVersion = plan.DataVersion,
            CreatedAt = now, UpdatedAt = now, Changes = changes,
        };
    }

    /// <summary>The problem, its parameters and figures in one sentence.</summary>
    public static string Describe(SitePlanResult plan, Lang lang = Lang.Fr) => Catalogue.Text(lang, "plan_scenario_description",
        ("problem", Message.Of("plan_problem_" + plan.Problem)), ("minutes", plan.Minutes), ("count", plan.Count),
        ("covered", plan.CoveredDwellings), ("total", plan.TotalDwellings), ("share", plan.CoveredShare),
        ("quality", plan.Optimal ? Message.Of("plan_quality_optimal") : Message.Of("plan_quality_gap", ("gap", plan.Gap ?? 1))),
        ("times", Message.Of("plan_times_" + plan.TimeSource)));
}
