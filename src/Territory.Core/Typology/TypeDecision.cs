using Territory.Core.Messages;

namespace Territory.Core.Typology;

/// <summary>Why a territory got its type: every score, the winner, the runner-up and the margin.</summary>
/// <param name="Type">Winning type (highest score).</param>
/// <param name="RunnerUp">Second-highest type.</param>
/// <param name="Score">Winner's score in [0, 1].</param>
/// <param name="RunnerUpScore">Runner-up's score in [0, 1].</param>
/// <param name="Scores">All four scores with their criteria, in the order of <see cref="TerritoryTypes.All"/>.</param>
/// <param name="Rule">The deciding rule and its values, as a catalogue message rendered at the edge.</param>
/// <param name="Notes">Caveats (estimated density, small QPV part, fragile decision…), as catalogue messages.</param>
public sealed record TypeDecision(
    TerritoryType Type,
    TerritoryType RunnerUp,
    double Score,
    double RunnerUpScore,
    IReadOnlyList<TypeScore> Scores,
    Message Rule,
    IReadOnlyList<Message> Notes)
{
    /// <summary>The rule in a language.</summary>
    public string RuleIn(Lang lang) => Rule.Render(lang);

    /// <summary>The caveats in a language.</summary>
    public IReadOnlyList<string> NotesIn(Lang lang) => Notes.Select(n => n.Render(lang)).ToList();

    /// <summary>Score gap between winner and runner-up, in [0, 1]: how far the runner-up is from winning.</summary>
    public double Margin => Score - RunnerUpScore;
}
