using Territory.Core.Messages;

namespace Territory.Core.Typology;

/// <summary>The decision trace of a territory as sentences (JSON output, map panels, report), French by default.</summary>
public static class DecisionReasons
{
    /// <summary>
    /// The deciding rule, then each criterion of the winning type with its value and score,
    /// the runner-up with the margin, and the caveats.
    /// </summary>
    public static IReadOnlyList<string> Of(TypeDecision decision, Lang lang = Lang.Fr)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var lines = new List<string> { decision.RuleIn(lang) };
        var winner = decision.Scores.First(s => s.Type == decision.Type);
        foreach (var c in winner.Criteria)
            lines.Add(Catalogue.Text(lang, "typology_reason_criterion", ("label", c.LabelIn(lang)), ("score", c.Score), ("weight", c.Weight)));
        lines.Add(Catalogue.Text(lang, "typology_reason_runner_up", ("type", TypologyClassifier.TypeLabel(decision.RunnerUp)), ("score", decision.RunnerUpScore),
            ("margin", decision.Margin)));
        lines.AddRange(decision.NotesIn(lang));
        return lines;
    }
}
