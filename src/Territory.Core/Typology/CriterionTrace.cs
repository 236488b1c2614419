using Territory.Core.Messages;

namespace Territory.Core.Typology;

/// <summary>One weighted criterion of a type score, as shown in the decision trace.</summary>
/// <param name="Name">Stable criterion name (key of <c>classification.weights</c>).</param>
/// <param name="Label">Description with the indicator value and the ramp thresholds, as a catalogue message rendered at the edge.</param>
/// <param name="Value">Indicator value; null when unknown (then <see cref="Score"/> is the configured unknown score).</param>
/// <param name="Score">Criterion score in [0, 1].</param>
/// <param name="Weight">Normalised weight (the weights of one type sum to 1).</param>
public sealed record CriterionTrace(string Name, Message Label, double? Value, double Score, double Weight)
{
    /// <summary>The description in a language.</summary>
    public string LabelIn(Lang lang) => Label.Render(lang);

    /// <summary>Contribution to the type score (<see cref="Score"/> × <see cref="Weight"/>).</summary>
    public double Contribution => Score * Weight;
}
