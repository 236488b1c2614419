using Territory.Core.Analysis;

namespace Territory.Core.Typology;

/// <summary>The decision trace of a territory as French sentences (JSON output, map popups).</summary>
public static class DecisionReasons
{
    /// <summary>
    /// The deciding rule, then each criterion of the winning type with its value and score,
    /// the runner-up with the margin, and the caveats.
    /// </summary>
    public static IReadOnlyList<string> Of(TypeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var lines = new List<string> { decision.Rule };
        var winner = decision.Scores.First(s => s.Type == decision.Type);
        foreach (var c in winner.Criteria)
            lines.Add($"{c.Label} → {FrenchFormat.Num(c.Score, 2)} (poids {FrenchFormat.Num(c.Weight, 2)})");
        lines.Add($"Second type : {decision.RunnerUp.Label()} ({FrenchFormat.Num(decision.RunnerUpScore, 2)}), écart {FrenchFormat.Num(decision.Margin, 2)}.");
        lines.AddRange(decision.Notes);
        return lines;
    }
}
