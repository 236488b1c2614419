using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Core.Scenarios;
using Territory.Core.Typology;
using Territory.Routing.Graph;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>Compares scenarios with the saved state: each network evaluated alike (<see cref="NetworkEvaluator"/>), then measured side by side.</summary>
/// <remarks>
/// Times are from the nearest presence point of any kind and from the estate's managing agency (the
/// nearest point when the scenario closed it), dwelling-weighted. Types, plans and caretaking come
/// from the same analysis as <c>territory analyse</c>, run on each network.
/// </remarks>
public static class ScenarioComparer
{
    public static ScenarioComparison Compare(ProjectData saved, IReadOnlyList<Scenario> scenarios, RoadGraph? graph, ComparisonOptions? options = null,
        IProgress<PlanningProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(scenarios);
        options ??= new ComparisonOptions();
        var networks = new List<NetworkEvaluation>();
        int total = scenarios.Count + 1;
        progress?.Report(new PlanningProgress(PlanningStage.Evaluate, 0, total));
        networks.Add(NetworkEvaluator.Evaluate(saved, saved.Agencies, graph, options, [], cancellationToken));
        progress?.Report(new PlanningProgress(PlanningStage.Evaluate, 1, total));
        foreach (var s in scenarios)
        {
            networks.Add(NetworkEvaluator.Evaluate(saved, s.Apply(saved.Agencies), graph, options, null, cancellationToken));
            progress?.Report(new PlanningProgress(PlanningStage.Evaluate, networks.Count, total));
        }
        var columns = new List<ComparisonColumn> { new(null, null, 0, saved.DataVersion) };
        columns.AddRange(scenarios.Select(s => new ComparisonColumn(s.Name, s.Source, s.Changes.Count, s.BaseVersion)));
        var changes = new List<TerritoryChange>();
        for (int i = 0; i < scenarios.Count; i++) changes.AddRange(Changed(scenarios[i].Name, networks[0], networks[i + 1]));
        var rows = ComparisonRows.Build(saved, networks, options, changes, scenarios.Select(s => s.Name).ToList());
        return new ScenarioComparison(columns, rows, changes, graph is null)
        {
            CutoffMinutes = options.CutoffMinutes, DataVersion = saved.DataVersion,
        };
    }

    /// <summary>Territories whose type, plan (forms and statuses) or mean time (half a minute or more) differ.</summary>
    private static IEnumerable<TerritoryChange> Changed(string scenario, NetworkEvaluation before, NetworkEvaluation after)
    {
        var old = before.Analysis.Territories.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var t in after.Analysis.Territories)
        {
            if (!old.TryGetValue(t.Id, out var o)) continue;
            bool plan = !Plan(o.Plan).SequenceEqual(Plan(t.Plan));
            double? mb = o.Indicators.MeanTravelMinutes, ma = t.Indicators.MeanTravelMinutes;
            bool times = mb is null != ma is null || (mb is { } b && ma is { } a && Math.Abs(a - b) >= 0.5);
            if (o.Type != t.Type || plan || times)
                yield return new TerritoryChange(scenario, t.Id, t.Name, o.Type.Code(), t.Type.Code(), plan, mb, ma);
        }
    }

    private static IEnumerable<string> Plan(IReadOnlyList<PlanItem> plan) =>
        plan.Select(p => p.Form.Code() + ":" + p.Status.Code()).Order(StringComparer.Ordinal);
}
