namespace Territory.Core.Typology;

/// <summary>One weighted criterion of a type score, as shown in the decision trace.</summary>
/// <param name="Name">Stable criterion name (key of <c>classification.weights</c>).</param>
/// <param name="Label">French description with the indicator value and the ramp thresholds.</param>
/// <param name="Value">Indicator value; null when unknown (then <see cref="Score"/> is the configured unknown score).</param>
/// <param name="Score">Criterion score in [0, 1].</param>
/// <param name="Weight">Normalised weight (the weights of one type sum to 1).</param>
public sealed record CriterionTrace(string Name, string Label, double? Value, double Score, double Weight)
{
    /// <summary>The description as a catalogue message (French or English at the edge); <see cref="Label"/> is its French rendering.</summary>
    public Messages.Message? Text { get; init; }

    /// <summary>The description in a language (the French <see cref="Label"/> when no message was given).</summary>
    public string LabelIn(Messages.Lang lang) => Text?.Render(lang) ?? Label;

    /// <summary>Contribution to the type score (<see cref="Score"/> × <see cref="Weight"/>).</summary>
    public double Contribution => Score * Weight;
}
