namespace Territory.Core.Typology;

/// <summary>Why a territory got its type: every score, the winner, the runner-up and the margin.</summary>
/// <param name="Type">Winning type (highest score).</param>
/// <param name="RunnerUp">Second-highest type.</param>
/// <param name="Score">Winner's score in [0, 1].</param>
/// <param name="RunnerUpScore">Runner-up's score in [0, 1].</param>
/// <param name="Scores">All four scores with their criteria, in the order of <see cref="TerritoryTypes.All"/>.</param>
/// <param name="Rule">French sentence stating the deciding rule and its values.</param>
/// <param name="Notes">French caveats (estimated density, small QPV part, fragile decision…).</param>
public sealed record TypeDecision(
    TerritoryType Type,
    TerritoryType RunnerUp,
    double Score,
    double RunnerUpScore,
    IReadOnlyList<TypeScore> Scores,
    string Rule,
    IReadOnlyList<string> Notes)
{
    /// <summary>The deciding rule as a catalogue message; <see cref="Rule"/> is its French rendering.</summary>
    public Messages.Message? RuleText { get; init; }

    /// <summary>The caveats as catalogue messages; <see cref="Notes"/> are their French renderings.</summary>
    public IReadOnlyList<Messages.Message>? NoteTexts { get; init; }

    /// <summary>The rule in a language.</summary>
    public string RuleIn(Messages.Lang lang) => RuleText?.Render(lang) ?? Rule;

    /// <summary>The caveats in a language.</summary>
    public IReadOnlyList<string> NotesIn(Messages.Lang lang) => NoteTexts?.Select(n => n.Render(lang)).ToList() ?? Notes;

    /// <summary>Score gap between winner and runner-up, in [0, 1]: how far the runner-up is from winning.</summary>
    public double Margin => Score - RunnerUpScore;
}
